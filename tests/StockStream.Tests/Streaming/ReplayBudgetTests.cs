using StockStream.Protocol.Messages;
using StockStream.Server.Streaming;
using StockStream.Server.Transports.Http;

namespace StockStream.Tests.Streaming;

/// <summary>A resume or a cursor cannot make the server queue more than <c>Streaming:MaxReplayBytes</c> of missed ticks for one client.</summary>
public class ReplayBudgetTests
{
    private const int Budget = 1_024;

    [Fact]
    public void ResumeThatDoesNotFitTheBudgetStartsFromASnapshotAndOneThatFitsIsReplayed()
    {
        var kit = new StreamingTestKit(maxReplayBytes: Budget);
        string a = kit.Symbol(0), b = kit.Symbol(1);
        for (int i = 0; i < 20; i++) kit.Publish(a, b);
        Assert.InRange(BytesAfter(kit, a, 15) + BytesAfter(kit, b, 15), 1, Budget);
        Assert.True(BytesAfter(kit, b, 2) > Budget);

        var queue = kit.NewQueue();
        kit.Hub.Subscribe(queue, new SubscribeMessage(1, [a, b], new Dictionary<string, ulong> { [a] = 15, [b] = 2 }));

        var items = StreamingTestKit.Drain(queue);
        Assert.IsType<SubAckMessage>(items[0].Message);
        Assert.Equal(b, Assert.IsType<SnapshotMessage>(items[1].Message).Quotes.Single().Symbol);
        Assert.Equal([16ul, 17, 18, 19, 20], items.Skip(2).SelectMany(i => i.Ticks).Select(t => t.Tick.Seq));
    }

    [Fact]
    public void ReplayQueuedAndNotYetSentCountsUntilTheWriterTakesIt()
    {
        var kit = new StreamingTestKit(maxReplayBytes: Budget);
        string a = kit.Symbol(0), b = kit.Symbol(1);
        for (int i = 0; i < 20; i++) kit.Publish(a, b);
        var queue = kit.NewQueue();
        var resume = new Dictionary<string, ulong> { [a] = 12, [b] = 12 };
        Assert.True(BytesAfter(kit, a, 12) <= Budget && BytesAfter(kit, a, 12) + BytesAfter(kit, b, 12) > Budget);

        kit.Hub.Subscribe(queue, new SubscribeMessage(1, [a], resume));
        kit.Hub.Subscribe(queue, new SubscribeMessage(2, [b], resume)); // a's replay is still queued: no room for b's
        var unread = StreamingTestKit.Drain(queue);
        Assert.Equal(b, unread.Select(i => i.Message).OfType<SnapshotMessage>().Single().Quotes.Single().Symbol);

        kit.Hub.Unsubscribe(queue, new UnsubscribeMessage(3, [b]));
        kit.Hub.Subscribe(queue, new SubscribeMessage(4, [b], resume)); // a's replay was taken: b's fits now
        var read = StreamingTestKit.Drain(queue);
        Assert.DoesNotContain(read, i => i.Message is SnapshotMessage);
        Assert.Equal(20 - 12, read.SelectMany(i => i.Ticks).Count(t => t.Tick.Symbol == b));
    }

    [Fact]
    public void CursorWhoseTicksExceedTheBudgetIsReadAsMissedWithoutCopyingThem()
    {
        var kit = new StreamingTestKit(maxReplayBytes: Budget);
        string a = kit.Symbol(0);
        ulong before = kit.Hub.Offset;
        for (int i = 0; i < 40; i++) kit.Publish(a);
        Assert.True(kit.Hub.TryGetFeed(a, out var feed));

        Assert.Null(CursorReader.After(kit.Hub, [feed], before, long.MaxValue, out _, out bool overBudget));
        Assert.True(overBudget);
        var recent = CursorReader.After(kit.Hub, [feed], kit.Hub.Offset - 5, long.MaxValue, out _, out bool recentOverBudget);
        Assert.Equal(5, recent!.Ticks.Count);
        Assert.False(recentOverBudget);
    }

    private static long BytesAfter(StreamingTestKit kit, string symbol, ulong seq)
    {
        Assert.True(kit.Hub.TryGetFeed(symbol, out var feed));
        return feed.AfterOffset(0, out _).Where(t => t.Tick.Seq > seq).Sum(t => (long)t.ReplayBytes);
    }
}
