using StockStream.Server.Streaming;

namespace StockStream.Server.Transports.LongPolling;

/// <summary>
/// Wakes held polls when a tick of one of their symbols arrives. Each symbol with polls waiting has one watcher on
/// <see cref="SymbolFeed.NextTickAsync"/>; polls join and leave its set in O(1). Awaiting every feed's task from every
/// poll instead would make each answered poll search the continuation lists of all its other symbols' tasks: O(n²)
/// in held polls.
/// </summary>
public sealed class PollWakeups(TickHub hub)
{
    private readonly FeedWaiters[] _byFeed = [.. hub.Feeds.Select(f => new FeedWaiters(f))];

    /// <summary>Signals the returned wake-up at the next tick of any of <paramref name="feeds"/>; dispose it to leave.</summary>
    public PollWakeup Register(SymbolFeed[] feeds)
    {
        var wakeup = new PollWakeup(this, feeds);
        foreach (var feed in feeds) _byFeed[feed.Id].Add(wakeup);
        return wakeup;
    }

    internal void Leave(PollWakeup wakeup, SymbolFeed[] feeds)
    {
        foreach (var feed in feeds) _byFeed[feed.Id].Remove(wakeup);
    }

    private sealed class FeedWaiters(SymbolFeed feed)
    {
        private readonly Lock _gate = new();
        private HashSet<PollWakeup> _waiting = [];
        private HashSet<PollWakeup> _spare = [];
        private bool _watching;

        public void Add(PollWakeup wakeup)
        {
            lock (_gate)
            {
                _waiting.Add(wakeup);
                if (_watching) return;
                _watching = true;
                // Runs synchronously up to its first await: the feed's next tick is awaited before anyone joins after us.
                _ = WatchAsync();
            }
        }

        public void Remove(PollWakeup wakeup)
        {
            lock (_gate) _waiting.Remove(wakeup);
        }

        private async Task WatchAsync()
        {
            var next = feed.NextTickAsync();
            while (true)
            {
                await next;
                // Await the following tick before waking anyone: a poll that reads after joining cannot miss it.
                next = feed.NextTickAsync();
                HashSet<PollWakeup> woken;
                lock (_gate)
                {
                    if (_waiting.Count == 0)
                    {
                        _watching = false;
                        return;
                    }
                    (woken, _waiting, _spare) = (_waiting, _spare, _waiting);
                }
                foreach (var wakeup in woken) wakeup.Signal();
                lock (_gate) woken.Clear();
            }
        }
    }
}
