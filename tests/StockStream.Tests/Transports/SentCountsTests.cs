using StockStream.Server.Transports;

namespace StockStream.Tests.Transports;

public class SentCountsTests
{
    [Fact]
    public async Task FramesCountedOnEveryThreadAreAllInTheTotals()
    {
        var counts = new SentCounts();
        const int Threads = 8, FramesEach = 50_000;
        using var start = new Barrier(Threads);
        await Task.WhenAll(Enumerable.Range(0, Threads).Select(t => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            for (int i = 0; i < FramesEach; i++) counts.Add(ticks: i % 3, bytes: 100 + t);
        }, TaskCreationOptions.LongRunning)));

        Assert.Equal((long)Threads * FramesEach, counts.Frames);
        Assert.Equal(Threads * (long)Enumerable.Range(0, FramesEach).Sum(i => i % 3), counts.Ticks);
        Assert.Equal(Enumerable.Range(0, Threads).Sum(t => (100L + t) * FramesEach), counts.Bytes);
    }

    [Fact]
    public void AFrameWithoutTicksCountsAsAFrame()
    {
        var counts = new SentCounts();
        counts.Add(ticks: 0, bytes: 12);
        Assert.Equal((0L, 1L, 12L), (counts.Ticks, counts.Frames, counts.Bytes));
    }
}
