namespace StockStream.LoadTests.Metrics;

/// <summary>Whether every tick reached every subscriber, judged by seqs: delivered against expected, and what went missing how.</summary>
public sealed record DeliveryStats(
    long Expected, long Delivered, long GapTicks, long GapEvents, long ConflatedTicks, long ResyncedTicks, long OutOfOrder,
    long ConflatedFrames, long ServerTicks, long UnknownSymbols)
{
    public static readonly DeliveryStats Empty = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>Delivered / expected; 0 when nothing was expected (a run that received nothing has not delivered).</summary>
    public double Ratio => Expected == 0 ? 0 : (double)Delivered / Expected;

    /// <summary>Seq continuity: no gaps and no ticks out of order.</summary>
    public bool IsContiguous => GapTicks == 0 && OutOfOrder == 0;

    /// <summary>Sums the trackers of a scenario: expected ticks per connection run up to the highest seq any connection saw.</summary>
    public static DeliveryStats From(IReadOnlyCollection<StreamTracker> trackers, int symbolCount, long conflatedFrames)
    {
        var serverLast = new ulong[symbolCount];
        foreach (var tracker in trackers) tracker.MergeLastSeqs(serverLast);
        long expected = 0, delivered = 0, gapTicks = 0, gapEvents = 0, conflated = 0, resynced = 0, outOfOrder = 0, unknown = 0;
        foreach (var t in trackers)
        {
            var (e, d) = t.Delivery(serverLast);
            expected += e;
            delivered += d;
            gapTicks += t.GapTicks;
            gapEvents += t.GapEvents;
            conflated += t.ConflatedTicks;
            resynced += t.ResyncedTicks;
            outOfOrder += t.OutOfOrder;
            unknown += t.UnknownSymbols;
        }
        return new DeliveryStats(expected, delivered, gapTicks, gapEvents, conflated, resynced, outOfOrder,
            conflatedFrames, CountServerTicks(trackers, serverLast), unknown);
    }

    // Ticks the server generated for the watched symbols during the run: last seq minus the earliest base any connection saw.
    private static long CountServerTicks(IEnumerable<StreamTracker> trackers, ulong[] serverLast)
    {
        var first = new ulong[serverLast.Length];
        Array.Fill(first, ulong.MaxValue);
        foreach (var tracker in trackers) tracker.MergeBaseSeqs(first);
        long total = 0;
        for (int i = 0; i < first.Length; i++)
        {
            if (first[i] != ulong.MaxValue && serverLast[i] > first[i]) total += (long)(serverLast[i] - first[i]);
        }
        return total;
    }
}
