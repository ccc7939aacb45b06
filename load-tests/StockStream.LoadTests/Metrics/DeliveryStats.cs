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
    public static DeliveryStats From(IReadOnlyCollection<StreamTracker> trackers, int symbolCount, long conflatedFrames) =>
        DeliveryTally.Of(trackers, symbolCount).ToStats(conflatedFrames);
}
