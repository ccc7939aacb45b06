using System.Text;
using StockStream.LoadTests.Metrics;
using StockStream.LoadTests.Wire;

namespace StockStream.LoadTests.Tests.Metrics;

public class StreamTrackerTests
{
    private static readonly SymbolTable Symbols = new(["AAPL", "MSFT"]);
    private static readonly byte[] Aapl = Encoding.UTF8.GetBytes("AAPL");
    private static readonly byte[] Msft = Encoding.UTF8.GetBytes("MSFT");

    private readonly MeasurementWindow _window = new();
    private readonly LatencyRecorder _tickAge = new();

    [Fact]
    public void ContinuesFromSnapshotSeqWithoutGaps()
    {
        var tracker = NewTracker();
        tracker.OnQuote(Aapl, 10);
        for (ulong seq = 11; seq <= 15; seq++) tracker.OnTick(Aapl, seq, 0, conflated: false);

        Assert.Equal(5, tracker.Ticks);
        Assert.Equal(0, tracker.GapTicks);
        Assert.Equal((5L, 5L), tracker.Delivery(new ulong[Symbols.Count]));
    }

    [Fact]
    public void CountsSkippedSeqsAsGapUnlessFrameWasConflated()
    {
        var tracker = NewTracker();
        tracker.OnTick(Aapl, 1, 0, conflated: false);
        tracker.OnTick(Aapl, 4, 0, conflated: false);
        tracker.OnTick(Aapl, 10, 0, conflated: true);

        Assert.Equal(2, tracker.GapTicks);
        Assert.Equal(1, tracker.GapEvents);
        Assert.Equal(5, tracker.ConflatedTicks);
        Assert.Equal((10L, 3L), tracker.Delivery(new ulong[Symbols.Count]));
    }

    [Fact]
    public void FlagsRepeatedSeqAsOutOfOrder()
    {
        var tracker = NewTracker();
        tracker.OnTick(Msft, 5, 0, conflated: false);
        tracker.OnTick(Msft, 5, 0, conflated: false);

        Assert.Equal(1, tracker.OutOfOrder);
        Assert.Equal(1, tracker.Ticks);
    }

    [Fact]
    public void RecordsTickAgeFromFrameReceiveTime()
    {
        var tracker = NewTracker();
        tracker.BeginFrame(receivedAtMicros: 5_000);
        tracker.OnTick(Aapl, 1, timeMicros: 3_000, conflated: false);
        tracker.EndFrame();

        var age = _tickAge.Total();
        Assert.Equal(1, age.Count);
        Assert.Equal(2.0, age.P50Ms, precision: 2);
    }

    [Fact]
    public void RecordsAFramesAgesWhenTheFrameEnds()
    {
        var tracker = NewTracker();
        tracker.BeginFrame(receivedAtMicros: 10_000);
        tracker.OnTick(Aapl, 1, timeMicros: 9_000, conflated: false);
        tracker.OnTick(Msft, 1, timeMicros: 6_000, conflated: false);
        Assert.Equal(0, _tickAge.Total().Count);

        tracker.EndFrame();

        var age = _tickAge.Total();
        Assert.Equal(2, age.Count);
        Assert.Equal(4.0, age.MaxMs, precision: 2);
    }

    [Fact]
    public void RecordsEveryAgeOfAFrameLargerThanItsBuffer()
    {
        var tracker = NewTracker();
        tracker.BeginFrame(receivedAtMicros: 1_000_000);
        for (ulong seq = 1; seq <= 2_000; seq++) tracker.OnTick(Aapl, seq, timeMicros: (long)seq, conflated: false);
        tracker.EndFrame();

        Assert.Equal(2_000, _tickAge.Total().Count);
        Assert.Equal(2_000, tracker.Ticks);
    }

    [Fact]
    public void IgnoresTicksDueAfterTheWindowClosed()
    {
        var tracker = NewTracker();
        _window.CloseAt(1_000);
        tracker.OnTick(Aapl, 1, timeMicros: 999, conflated: false);
        tracker.OnTick(Aapl, 2, timeMicros: 1_001, conflated: false);

        Assert.Equal(1, tracker.Ticks);
    }

    [Fact]
    public void TicksDueBeforeTheWindowOpensOnlySetWhereTheStreamStarts()
    {
        var tracker = NewTracker();
        _window.OpenAt(1_000);
        tracker.OnTick(Aapl, 5, timeMicros: 500, conflated: false);
        tracker.OnTick(Aapl, 9, timeMicros: 900, conflated: false); // a warm-up gap is not the measurement's
        tracker.OnTick(Aapl, 10, timeMicros: 1_000, conflated: false);
        tracker.OnTick(Aapl, 11, timeMicros: 1_100, conflated: false);
        tracker.EndFrame();

        Assert.Equal(2, tracker.Ticks);
        Assert.Equal(0, tracker.GapTicks);
        Assert.Equal(2, _tickAge.Total().Count);
        Assert.Equal((2L, 2L), tracker.Delivery(new ulong[Symbols.Count]));
    }

    [Fact]
    public void ExpectsTicksUpToTheHighestSeqAnyConnectionSaw()
    {
        var early = NewTracker();
        var behind = NewTracker();
        for (ulong seq = 1; seq <= 10; seq++) early.OnTick(Aapl, seq, 0, conflated: false);
        for (ulong seq = 1; seq <= 8; seq++) behind.OnTick(Aapl, seq, 0, conflated: false);

        var delivery = DeliveryStats.From([early, behind], Symbols.Count, conflatedFrames: 0);

        Assert.Equal(20, delivery.Expected);
        Assert.Equal(18, delivery.Delivered);
        Assert.Equal(0.9, delivery.Ratio, precision: 6);
        Assert.True(delivery.IsContiguous);
        Assert.Equal(10, delivery.ServerTicks);
    }

    [Fact]
    public void SessionThatEndedEarlyIsExpectedOnlyUpToItsOwnLastSeq()
    {
        var full = NewTracker();
        var shortSession = NewTracker();
        for (ulong seq = 1; seq <= 10; seq++) full.OnTick(Aapl, seq, 0, conflated: false);
        for (ulong seq = 1; seq <= 4; seq++) shortSession.OnTick(Aapl, seq, 0, conflated: false);
        shortSession.EndedEarly = true;

        var delivery = DeliveryStats.From([full, shortSession], Symbols.Count, conflatedFrames: 0);

        Assert.Equal(1.0, delivery.Ratio);
    }

    [Fact]
    public void ReportsNothingDeliveredAsZeroRatio() =>
        Assert.Equal(0, DeliveryStats.From([NewTracker()], Symbols.Count, conflatedFrames: 0).Ratio);

    private StreamTracker NewTracker() => new(Symbols, _window, _tickAge);
}
