namespace StockStream.Server.Backplane;

/// <summary>
/// The right to generate ticks, held by one node at a time, and where generating continues. Disposing it gives the
/// right up at once, so another node need not wait for it to expire.
/// </summary>
public sealed class GeneratorLease(ResumePoint resumeFrom, Func<ValueTask> release) : IAsyncDisposable
{
    private readonly CancellationTokenSource _lost = new();
    private int _released;

    /// <summary>The end of the shared stream when the lease was granted: the first batch published follows it.</summary>
    public ResumePoint ResumeFrom { get; } = resumeFrom;

    /// <summary>Fires when the lease could not be renewed or a publish was refused: stop generating.</summary>
    public CancellationToken Lost => _lost.Token;

    public bool IsLost => _lost.IsCancellationRequested;

    public void MarkLost() => _lost.Cancel();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _released, 1) == 1) return;
        _lost.Cancel();
        await release();
        _lost.Dispose();
    }
}
