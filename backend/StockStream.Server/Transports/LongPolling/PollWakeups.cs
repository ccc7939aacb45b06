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
    public Wakeup Register(SymbolFeed[] feeds)
    {
        var wakeup = new Wakeup(this, feeds);
        foreach (var feed in feeds) _byFeed[feed.Id].Add(wakeup);
        return wakeup;
    }

    /// <summary>One registration of one held poll: completes once, at the first tick of one of its symbols.</summary>
    public sealed class Wakeup(PollWakeups owner, SymbolFeed[] feeds) : IDisposable
    {
        private readonly TaskCompletionSource _ticked = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Ticked => _ticked.Task;

        internal void Signal() => _ticked.TrySetResult();

        public void Dispose()
        {
            foreach (var feed in feeds) owner._byFeed[feed.Id].Remove(this);
        }
    }

    private sealed class FeedWaiters(SymbolFeed feed)
    {
        private readonly Lock _gate = new();
        private HashSet<Wakeup> _waiting = [];
        private HashSet<Wakeup> _spare = [];
        private bool _watching;

        public void Add(Wakeup wakeup)
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

        public void Remove(Wakeup wakeup)
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
                HashSet<Wakeup> woken;
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
