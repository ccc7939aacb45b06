using StockStream.Protocol;
using StockStream.Protocol.Messages;

namespace StockStream.Server.Streaming;

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
            foreach (var (symbol, feed) in requested)
            {
                if (feed is null) continue;
                if (_lastSentSeq.ContainsKey(feed.Id))
                {
                    accepted.Add(symbol);
                    continue;
                }
                if (_lastSentSeq.Count >= maxSymbols)
                {
                    rejected.Add(new SymbolRejection(symbol, SymbolRejection.SymbolLimit));
                    continue;
                }
                accepted.Add(symbol);
                Quote quote;
                if (resume is not null && resume.TryGetValue(symbol, out ulong lastSeen))
                {
                    var missed = feed.SubscribeResuming(this, lastSeen, out quote);
                    if (missed is not null)
                    {
                        _lastSentSeq[feed.Id] = lastSeen + (ulong)missed.Length;
                        if (missed.Length > 0) (resumed ??= []).Add(missed);
                        continue;
                    }
                }
                else
                {
                    quote = feed.Subscribe(this);
                }
                // No resume asked, or the missed ticks are no longer held: start from a snapshot.
                _lastSentSeq[feed.Id] = quote.Seq;
                (quotes ??= []).Add(quote);
            }
            AddControl(new SubAckMessage(reqId, accepted, rejected));
            if (quotes is not null) AddControl(new SnapshotMessage(quotes));
            foreach (var ticks in resumed ?? [])
            {
                for (int i = 0; i < ticks.Length; i += ResumeChunk) AddControl(ticks[i..Math.Min(ticks.Length, i + ResumeChunk)]);
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
                if (feed is not null && _lastSentSeq.Remove(feed.Id)) feed.Unsubscribe(this);
            }
            AddControl(new SubAckMessage(reqId, accepted, rejected));
        }
        _signal.Set();
    }

    /// <summary>Ids of the subscribed symbols, so the hub can detach the queue from every feed when it closes.</summary>
    internal int[] SubscribedIds()
    {
        lock (_gate) return [.. _lastSentSeq.Keys];
    }
}
