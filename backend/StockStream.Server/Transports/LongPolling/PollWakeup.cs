using StockStream.Server.Streaming;

namespace StockStream.Server.Transports.LongPolling;

/// <summary>One held poll's registration with <see cref="PollWakeups"/>: completes at the first tick of one of its symbols.</summary>
public sealed class PollWakeup(PollWakeups owner, SymbolFeed[] feeds) : IDisposable
{
    private readonly TaskCompletionSource _ticked = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Ticked => _ticked.Task;

    internal void Signal() => _ticked.TrySetResult();

    /// <summary>Leaves every symbol's set.</summary>
    public void Dispose() => owner.Leave(this, feeds);
}
