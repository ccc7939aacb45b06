using System.IO.Pipelines;

namespace StockStream.Server.Transports.Http;

/// <summary>
/// A deadline on each flush of one response: a flush its client has not taken within the timeout ends in
/// <see cref="FlushOutcome.Stalled"/>, and the caller aborts the connection, so a client that stops reading cannot hold
/// the request (its slot, its buffers) for ever. Kestrel's minimum data rate would wait hours for a large write.
/// </summary>
internal sealed class SendDeadline(TimeSpan timeout, TimeProvider clock, CancellationToken aborted) : IDisposable
{
    private readonly CancellationTokenSource _deadline = new(Timeout.InfiniteTimeSpan, clock);
    private CancellationTokenSource? _flushToken;

    public async ValueTask<FlushOutcome> FlushAsync(PipeWriter output)
    {
        _flushToken ??= CancellationTokenSource.CreateLinkedTokenSource(aborted, _deadline.Token);
        _deadline.CancelAfter(timeout);
        try
        {
            if ((await output.FlushAsync(_flushToken.Token)).IsCompleted) return FlushOutcome.Gone;
        }
        catch (OperationCanceledException) when (_deadline.IsCancellationRequested)
        {
            // The deadline passed: told apart below, like a flush that reports cancellation.
        }
        if (_deadline.IsCancellationRequested) return FlushOutcome.Stalled;
        if (aborted.IsCancellationRequested) return FlushOutcome.Gone;
        _deadline.CancelAfter(Timeout.InfiniteTimeSpan);
        return FlushOutcome.Flushed;
    }

    public void Dispose()
    {
        _flushToken?.Dispose();
        _deadline.Dispose();
    }
}
