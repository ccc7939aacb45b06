using StockStream.Protocol;
using StockStream.Server.Streaming;

namespace StockStream.Server.Transports.Http;

/// <summary>
/// Reads feeds at exact cursors without locking the hub, for long polls and SSE streams. It relies on two facts of
/// <see cref="TickHub.Publish"/>: ticks are appended one at a time in offset order, and <see cref="TickHub.Offset"/>
/// is advanced only after its tick is in the feed. So a tick seen in any feed means every older tick is in its feed.
/// </summary>
public static class CursorReader
{
    /// <summary>
    /// The feeds' Quotes and a cursor they are exact at: every tick up to the cursor is in the Quotes or in the
    /// answer's ticks, none after it. Ticks appear only when the stream moved while the Quotes were read.
    /// </summary>
    public static PollAnswer Start(TickHub hub, SymbolFeed[] feeds, TickFlags flags)
    {
        while (true)
        {
            var market = hub.MarketState;
            ulong before = hub.Offset;
            var quotes = new Quote[feeds.Length];
            for (int i = 0; i < feeds.Length; i++) quotes[i] = feeds[i].Quote;

            // Ticks newer than `before` may be in some quotes and not in others; move the cursor past every tick a
            // quote holds and hand out the ticks up to there that the quotes lack.
            var later = new StreamTick[feeds.Length][];
            bool evicted = false;
            ulong cursor = before;
            for (int i = 0; i < feeds.Length; i++)
            {
                later[i] = feeds[i].AfterOffset(before, out bool missed);
                evicted |= missed;
                foreach (var tick in later[i])
                {
                    if (tick.Tick.Seq <= quotes[i].Seq) cursor = Math.Max(cursor, tick.Offset);
                }
            }
            if (evicted) continue; // history turned over while we read: read again
            var ticks = new List<EncodedTick>();
            for (int i = 0; i < feeds.Length; i++)
            {
                foreach (var tick in later[i])
                {
                    if (tick.Offset <= cursor && tick.Tick.Seq > quotes[i].Seq) ticks.Add(tick);
                }
            }
            SortByOffset(ticks);
            return new PollAnswer(new PollCursor(hub.Epoch, cursor, market), ticks, flags, quotes, market);
        }
    }

    /// <summary>
    /// Ticks of the feeds newer than <paramref name="cursor"/>, oldest first, with the cursor after them; an empty
    /// answer moves the cursor to "now". Null when some of those ticks are no longer held. <paramref name="settled"/> is
    /// false when newer ticks were seen that the answer could not take yet: read again at once instead of waiting.
    /// </summary>
    public static PollAnswer? After(TickHub hub, SymbolFeed[] feeds, ulong cursor, out bool settled) => After(hub, feeds, cursor, hub.MaxReplayBytes, out settled, out _);

    /// <summary>
    /// <see cref="After(TickHub, SymbolFeed[], ulong, out bool)"/>, also null when those ticks would take more than
    /// <paramref name="maxBytes"/> (<paramref name="overBudget"/>; at most the hub's <see cref="TickHub.MaxReplayBytes"/>): a
    /// forged or very old cursor costs no more than an answer of that size, and is answered as one whose ticks are no longer held.
    /// </summary>
    public static PollAnswer? After(TickHub hub, SymbolFeed[] feeds, ulong cursor, long maxBytes, out bool settled, out bool overBudget)
    {
        var market = hub.MarketState;
        // Every tick up to `end` is in its feed already, so the scans below see all of them.
        ulong end = Math.Max(cursor, hub.Offset);
        var ticks = new List<EncodedTick>();
        settled = true;
        overBudget = false;
        long budget = Math.Min(maxBytes, hub.MaxReplayBytes);
        foreach (var feed in feeds)
        {
            var after = feed.AfterOffset(cursor, budget, out bool missed);
            if (missed) return null;
            if (after is null)
            {
                overBudget = true;
                return null;
            }
            foreach (var tick in after)
            {
                budget -= tick.ReplayBytes;
                if (tick.Offset <= end) ticks.Add(tick);
                else settled = false; // appended, but the hub's offset has not caught up yet: read again, don't wait
            }
        }
        SortByOffset(ticks);
        return new PollAnswer(new PollCursor(hub.Epoch, end, market), ticks, TickFlags.None, [], market);
    }

    /// <summary>
    /// For each feed, the seq of its last tick at or before <paramref name="cursor"/>: where a stream resumed at that
    /// cursor continues. Null when ticks after the cursor are no longer held.
    /// </summary>
    public static Dictionary<string, ulong>? SeqsAt(SymbolFeed[] feeds, ulong cursor)
    {
        var seqs = new Dictionary<string, ulong>(feeds.Length, StringComparer.Ordinal);
        foreach (var feed in feeds)
        {
            // Read the quote first: if no tick follows the cursor afterwards, the quote is the state at the cursor.
            ulong quoteSeq = feed.Quote.Seq;
            var after = feed.AfterOffset(cursor, out bool missed);
            if (missed) return null;
            seqs[feed.Symbol] = after.Length > 0 ? after[0].Tick.Seq - 1 : quoteSeq;
        }
        return seqs;
    }

    /// <summary>The seq a client holds for each symbol after taking <paramref name="answer"/>.</summary>
    public static Dictionary<string, ulong> SeqsAfter(PollAnswer answer)
    {
        var seqs = answer.Quotes.ToDictionary(q => q.Symbol, q => q.Seq, StringComparer.Ordinal);
        foreach (var tick in answer.Ticks) seqs[tick.Tick.Symbol] = tick.Tick.Seq;
        return seqs;
    }

    private static void SortByOffset(List<EncodedTick> ticks)
    {
        if (ticks.Count > 1) ticks.Sort(static (a, b) => ((StreamTick)a).Offset.CompareTo(((StreamTick)b).Offset));
    }
}
