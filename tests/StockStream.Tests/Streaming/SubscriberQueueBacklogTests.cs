using StockStream.Protocol;
using StockStream.Protocol.Messages;
using StockStream.Server.Streaming;

namespace StockStream.Tests.Streaming;

/// <summary>A slow reader is conflated on its own backlog's age, long before the queue's bound.</summary>
public class SubscriberQueueBacklogTests
{
    [Fact]
    public void StaleBacklogIsConflatedToTheNewestTickPerSymbolAndFlagged()
    {
        var kit = new StreamingTestKit();
        string a = kit.Symbol(0), b = kit.Symbol(1);
        var queue = kit.NewQueue(maxPendingTicks: 4_096, maxTicksPerFrame: 512);
        kit.Hub.Subscribe(queue, new SubscribeMessage(1, [a, b]));
        StreamingTestKit.Drain(queue);
        for (int i = 0; i < 30; i++) kit.Publish(a, b);

        // Every pending tick is older than a moment from now: the backlog is stale.
        Assert.True(queue.ConflateIfOlderThan(UnixTime.NowMicroseconds(TimeProvider.System) + 1_000_000));

        Assert.Equal(2, queue.PendingTickCount);
        var frame = Assert.Single(StreamingTestKit.Drain(queue));
        Assert.Equal(TickFlags.Conflated, frame.Flags);
        Assert.Equal([(a, 30ul), (b, 30ul)], frame.Ticks.Select(t => (t.Tick.Symbol, t.Tick.Seq)));
    }

    [Fact]
    public void FreshBacklogIsLeftWhole()
    {
        var kit = new StreamingTestKit();
        string a = kit.Symbol(0);
        var queue = kit.NewQueue(maxPendingTicks: 4_096, maxTicksPerFrame: 512);
        kit.Hub.Subscribe(queue, new SubscribeMessage(1, [a]));
        StreamingTestKit.Drain(queue);
        long before = UnixTime.NowMicroseconds(TimeProvider.System) - 1_000_000;
        for (int i = 0; i < 30; i++) kit.Publish(a);

        Assert.False(queue.ConflateIfOlderThan(before));

        var frame = Assert.Single(StreamingTestKit.Drain(queue));
        Assert.Equal(TickFlags.None, frame.Flags);
        Assert.Equal(30, frame.Ticks.Count);
    }
}
