using StockStream.Protocol;
using StockStream.Protocol.Messages;

namespace StockStream.Server.Streaming;

// Subscribing and unsubscribing: the feeds a queue is registered with, and what each symbol starts from.
public sealed partial class SubscriberQueue
{
    // Resumed ticks are sent in frames of at most this many, like live batches.
    private const int ResumeChunk = 512;

    /// <summary>
    /// Subscribes to resolved feeds and queues SubAck, then Snapshot and resumed ticks. Holding the queue's lock
    /// while each feed registers it means no live tick of those symbols can be queued ahead of their start.
    /// </summary>
    internal void Subscribe(uint reqId, IReadOnlyList<(string Symbol, SymbolFeed? Feed)> requested,
        List<SymbolRejection> rejected, IReadOnlyDictionary<string, ulong>? resume)
    {
        var accepted = new List<string>(requested.Count);
        List<Quote>? quotes = null;
        List<StreamTick[]>? resumed = null;
        lock (_gate)
        {
            if (_completed) return;
            long replayLeft = Math.Min(MaxReplayBytes - _replayBytes, resume is null ? long.MaxValue : ReplayAllowance?.Left ?? long.MaxValue);
            long replayed = 0;
            foreach (var (symbol, feed) in requested)
            {
                if (feed is null) continue;
                if (_subscribed.Contains(feed.Id))
                {
                    accepted.Add(symbol);
                    continue;
                }
                if (_subscribed.Count >= maxSymbols)
                {
                    rejected.Add(new SymbolRejection(symbol, SymbolRejection.SymbolLimit));
                    continue;
                }
                accepted.Add(symbol);
                Quote quote;
                if (resume is not null && resume.TryGetValue(symbol, out ulong lastSeen))
                {
                    var missed = feed.SubscribeResuming(this, lastSeen, replayLeft, out quote, out bool overBudget);
                    if (missed is not null)
                    {
                        _subscribed.Start(feed.Id, lastSeen + (ulong)missed.Length);
                        if (missed.Length > 0) (resumed ??= []).Add(missed);
                        long bytes = 0;
                        foreach (var tick in missed) bytes += tick.ReplayBytes;
                        replayLeft -= bytes;
                        replayed += bytes;
                        continue;
                    }
                    if (overBudget) metrics.ReplayRefused();
                }
                else
                {
                    quote = feed.Subscribe(this);
                }
                // No resume asked, or the missed ticks are no longer held (or not within the replay budget): start from a snapshot.
                _subscribed.Start(feed.Id, quote.Seq);
                (quotes ??= []).Add(quote);
            }
            ReplayAllowance?.Spend(replayed);
            AddControl(OutboundItem.Of(new SubAckMessage(reqId, accepted, rejected)));
            if (quotes is not null) AddControl(OutboundItem.Of(new SnapshotMessage(quotes)));
            foreach (var ticks in resumed ?? [])
            {
                // Frames of one array, not copies of its parts: a large resume allocates once.
                for (int i = 0; i < ticks.Length; i += ResumeChunk) AddControl(OutboundItem.Resumed(ticks, i, Math.Min(ResumeChunk, ticks.Length - i)));
            }
        }
        _signal.Set();
    }

    internal void Unsubscribe(uint reqId, IReadOnlyList<(string Symbol, SymbolFeed? Feed)> requested, List<SymbolRejection> rejected)
    {
        var accepted = new List<string>(requested.Count);
        lock (_gate)
        {
            if (_completed) return;
            foreach (var (symbol, feed) in requested)
            {
                // Unknown but well-formed symbols are accepted: they were not subscribed, and now still are not.
                accepted.Add(symbol);
                if (feed is not null && _subscribed.Remove(feed.Id)) feed.Unsubscribe(this);
            }
            AddControl(OutboundItem.Of(new SubAckMessage(reqId, accepted, rejected)));
        }
        _signal.Set();
    }

    /// <summary>Ids of the subscribed symbols, so the hub can detach the queue from every feed when it closes.</summary>
    internal int[] SubscribedIds()
    {
        lock (_gate) return _subscribed.Ids();
    }
}
