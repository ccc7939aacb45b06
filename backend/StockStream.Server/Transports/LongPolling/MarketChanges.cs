using StockStream.Server.Streaming;

namespace StockStream.Server.Transports.LongPolling;

/// <summary>
/// The hub's market-state changes as a cancellation token that held polls link to: token registrations leave in
/// O(1), unlike continuations on the hub's long-lived change task.
/// </summary>
public sealed class MarketChanges
{
    private readonly TickHub _hub;
    private readonly Lock _gate = new();
    private CancellationTokenSource _current = new();

    public MarketChanges(TickHub hub)
    {
        _hub = hub;
        _ = WatchAsync();
    }

    /// <summary>Cancelled at the next change of market state.</summary>
    public CancellationToken Next
    {
        get { lock (_gate) return _current.Token; }
    }

    private async Task WatchAsync()
    {
        var changed = _hub.MarketStateChangedAsync();
        while (true)
        {
            await changed;
            changed = _hub.MarketStateChangedAsync();
            CancellationTokenSource ended;
            lock (_gate) (ended, _current) = (_current, new CancellationTokenSource());
            // Polls that took the new token read the state after this change, so none is left waiting on it.
            ended.Cancel(); // not disposed: a poll may still be linking to its token
        }
    }
}
