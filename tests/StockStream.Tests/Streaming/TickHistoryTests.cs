using StockStream.Protocol;
using StockStream.Server.Streaming;

namespace StockStream.Tests.Streaming;

public class TickHistoryTests
{
    private static StreamTick Tick(ulong seq, long time = 0) => new(new Tick("AAPL", seq, 1, 1, time), 0, seq * 10);

    [Fact]
    public void ServesTheTicksAfterASeqWhileTheyAreHeld()
    {
        var history = new TickHistory(capacity: 4, maxAgeMicroseconds: long.MaxValue / 2);
        for (ulong s = 1; s <= 6; s++) history.Append(Tick(s));
        Assert.Equal([4ul, 5, 6], history.After(3)!.Select(t => t.Tick.Seq));
        Assert.Empty(history.After(6)!);
        Assert.Null(history.After(1));
        Assert.Equal(20ul, history.EvictedThroughOffset);
    }

    [Fact]
    public void EvictsByAgeAsWellAsByCount()
    {
        var history = new TickHistory(capacity: 100, maxAgeMicroseconds: 1_000);
        history.Append(Tick(1, time: 0));
        history.Append(Tick(2, time: 500));
        history.Append(Tick(3, time: 1_600));
        Assert.Equal([3ul], history.Since(0).Select(t => t.Tick.Seq));
        Assert.Equal(20ul, history.EvictedThroughOffset);
    }

    [Fact]
    public void FindsTicksAfterAStreamOffset()
    {
        var history = new TickHistory(capacity: 100, maxAgeMicroseconds: long.MaxValue / 2);
        for (ulong s = 1; s <= 70; s++) history.Append(Tick(s));
        Assert.Equal([6ul, 7], history.AfterOffset(50).Take(2).Select(t => t.Tick.Seq));
        Assert.Equal(70, history.AfterOffset(0).Length);
        Assert.Empty(history.AfterOffset(700));
    }
}
