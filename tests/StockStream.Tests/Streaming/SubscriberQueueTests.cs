using StockStream.Protocol;
using StockStream.Protocol.Messages;
using StockStream.Server.Streaming;

namespace StockStream.Tests.Streaming;

public class SubscriberQueueTests
{
    [Fact]
    public void SubAckComesBeforeTheSnapshotAndTheStreamContinuesFromIt()
    {
        var kit = new StreamingTestKit();
        string a = kit.Symbol(0);
        kit.Publish(a, a);
        var queue = kit.NewQueue();
        kit.Hub.Subscribe(queue, new SubscribeMessage(9, [a, "NOPE", "bad!"]));
        kit.Publish(a);

        var items = StreamingTestKit.Drain(queue);
        var ack = Assert.IsType<SubAckMessage>(items[0].Message);
        Assert.Equal(9u, ack.ReqId);
        Assert.Equal([a], ack.Accepted);
        Assert.Equal([SymbolRejection.UnknownSymbol, SymbolRejection.InvalidSymbol], ack.Rejected.Select(r => r.Reason));
        var snapshot = Assert.IsType<SnapshotMessage>(items[1].Message);
        Assert.Equal(2ul, snapshot.Quotes.Single().Seq);
        Assert.Equal([3ul], items[2].Ticks.Select(t => t.Tick.Seq));
        Assert.Equal(TickFlags.None, items[2].Flags);
    }

    [Fact]
    public void ConflatesToNewestTickPerSymbolWhenReaderFallsBehind()
    {
        var kit = new StreamingTestKit();
        string a = kit.Symbol(0), b = kit.Symbol(1);
        var queue = kit.NewQueue(maxPendingTicks: 16, maxTicksPerFrame: 64);
        kit.Hub.Subscribe(queue, new SubscribeMessage(1, [a, b]));
        StreamingTestKit.Drain(queue);

        for (int i = 0; i < 40; i++) kit.Publish(a, b);

        Assert.True(queue.PendingTickCount <= 16);
        var frame = Assert.Single(StreamingTestKit.Drain(queue));
        Assert.Equal(TickFlags.Conflated, frame.Flags);
        var last = frame.Ticks.GroupBy(t => t.Tick.Symbol).ToDictionary(g => g.Key, g => g.Last().Tick.Seq);
        Assert.Equal(40ul, last[a]);
        Assert.Equal(40ul, last[b]);
        // Within a frame each symbol's seqs still only increase.
        foreach (var group in frame.Ticks.GroupBy(t => t.Tick.Symbol))
            Assert.Equal(group.Select(t => t.Tick.Seq).Order(), group.Select(t => t.Tick.Seq));

        kit.Publish(a);
        var next = Assert.Single(StreamingTestKit.Drain(queue));
        Assert.Equal(TickFlags.None, next.Flags);
        Assert.Equal(41ul, next.Ticks.Single().Tick.Seq);
    }

    [Fact]
    public void NoTicksOfASymbolAfterTheSubAckOfItsUnsubscribe()
    {
        var kit = new StreamingTestKit();
        string a = kit.Symbol(0), b = kit.Symbol(1);
        var queue = kit.NewQueue();
        kit.Hub.Subscribe(queue, new SubscribeMessage(1, [a, b]));
        kit.Publish(a, b, a, b);
        kit.Hub.Unsubscribe(queue, new UnsubscribeMessage(2, [a, "NEVER"]));
        kit.Publish(a, b);

        var items = StreamingTestKit.Drain(queue);
        int ackAt = items.FindIndex(i => i.Message is SubAckMessage { ReqId: 2 });
        Assert.Equal([a, "NEVER"], ((SubAckMessage)items[ackAt].Message!).Accepted);
        Assert.DoesNotContain(items.SelectMany(i => i.Ticks), t => t.Tick.Symbol == a);
        Assert.Equal([1ul, 2, 3], items.SelectMany(i => i.Ticks).Where(t => t.Tick.Symbol == b).Select(t => t.Tick.Seq));
    }

    [Fact]
    public void ResumeSendsTheMissedTicksWhenHeldAndASnapshotWhenNot()
    {
        var kit = new StreamingTestKit(historyTicks: 16);
        string a = kit.Symbol(0), b = kit.Symbol(1), c = kit.Symbol(2);
        for (int i = 0; i < 20; i++) kit.Publish(a, b, c);
        var queue = kit.NewQueue();
        kit.Hub.Subscribe(queue, new SubscribeMessage(1, [a, b, c],
            new Dictionary<string, ulong> { [a] = 15, [b] = 2, [c] = 20 }));
        kit.Publish(a, c);

        var items = StreamingTestKit.Drain(queue);
        Assert.IsType<SubAckMessage>(items[0].Message);
        var snapshot = Assert.IsType<SnapshotMessage>(items[1].Message);
        Assert.Equal(b, snapshot.Quotes.Single().Symbol);
        var ticks = items.Skip(2).SelectMany(i => i.Ticks).Select(t => (t.Tick.Symbol, t.Tick.Seq)).ToList();
        Assert.Equal([16ul, 17, 18, 19, 20, 21], ticks.Where(t => t.Symbol == a).Select(t => t.Seq));
        Assert.Equal([21ul], ticks.Where(t => t.Symbol == c).Select(t => t.Seq));
        Assert.DoesNotContain(ticks, t => t.Symbol == b);
    }

    [Fact]
    public void RejectsSymbolsBeyondTheLimitAndAcceptsRepeatsWithoutChange()
    {
        var kit = new StreamingTestKit(maxSymbols: 2);
        var queue = kit.NewQueue();
        kit.Hub.Subscribe(queue, new SubscribeMessage(1, [kit.Symbol(0), kit.Symbol(1), kit.Symbol(2)]));
        kit.Hub.Subscribe(queue, new SubscribeMessage(2, [kit.Symbol(0)]));

        var items = StreamingTestKit.Drain(queue);
        var first = Assert.IsType<SubAckMessage>(items[0].Message);
        Assert.Equal([kit.Symbol(0), kit.Symbol(1)], first.Accepted);
        Assert.Equal((kit.Symbol(2), SymbolRejection.SymbolLimit), (first.Rejected[0].Symbol, first.Rejected[0].Reason));
        Assert.IsType<SnapshotMessage>(items[1].Message);
        var second = Assert.IsType<SubAckMessage>(items[2].Message);
        Assert.Equal([kit.Symbol(0)], second.Accepted);
        Assert.Equal(3, items.Count);
    }

    [Fact]
    public void CompletedQueueFlushesControlButNoMoreTicks()
    {
        var kit = new StreamingTestKit();
        var queue = kit.NewQueue();
        kit.Hub.Subscribe(queue, new SubscribeMessage(1, [kit.Symbol(0)]));
        StreamingTestKit.Drain(queue);
        kit.Publish(kit.Symbol(0));
        queue.EnqueueControl(new ErrorMessage(ErrorCodes.TooManyMessages, "slow down"));
        queue.Complete(flushControl: true);
        kit.Publish(kit.Symbol(0));

        var items = StreamingTestKit.Drain(queue);
        Assert.IsType<ErrorMessage>(Assert.Single(items).Message);
        Assert.True(queue.IsCompleted);
    }

    [Fact]
    public void TicksPublishedBeforeTheMarketClosesAreSentBeforeTheClose()
    {
        var kit = new StreamingTestKit();
        string a = kit.Symbol(0), b = kit.Symbol(1);
        var queue = kit.NewQueue(maxPendingTicks: 16, maxTicksPerFrame: 4);
        kit.Hub.Attach(queue);
        kit.Hub.Subscribe(queue, new SubscribeMessage(1, [a, b]));
        StreamingTestKit.Drain(queue);

        for (int i = 0; i < 20; i++) kit.Publish(a, b); // more than the queue holds: conflated to the newest
        kit.Hub.SetMarketState(MarketState.Closed);
        queue.EnqueueControl(new PongMessage(default, 1)); // a reply, not part of the stream: it need not wait

        var items = StreamingTestKit.Drain(queue);
        Assert.IsType<PongMessage>(items[^1].Message);
        Assert.Equal(MarketState.Closed, Assert.IsType<MarketStatusMessage>(items[^2].Message).State);
        var ticks = items[..^2];
        Assert.All(ticks, item => Assert.Null(item.Message));
        Assert.Equal([a, b], ticks.SelectMany(item => item.Ticks).Where(t => t.Tick.Seq == 20).Select(t => t.Tick.Symbol));
        Assert.True(ticks[0].Flags.HasFlag(TickFlags.Conflated), "the first frame still says it was conflated");
    }

    [Fact]
    public async Task EveryTickOfABatchReachesEachOfItsQueuesInOrder()
    {
        var kit = new StreamingTestKit();
        string a = kit.Symbol(0), b = kit.Symbol(1);
        var both = kit.NewQueue(maxPendingTicks: 1_024, maxTicksPerFrame: 1_024);
        var onlyB = kit.NewQueue(maxPendingTicks: 1_024, maxTicksPerFrame: 1_024);
        kit.Hub.Subscribe(both, new SubscribeMessage(1, [a, b]));
        kit.Hub.Subscribe(onlyB, new SubscribeMessage(1, [b]));
        StreamingTestKit.Drain(both);
        StreamingTestKit.Drain(onlyB);

        // Larger than the array a queue keeps for a batch between batches, then a small one after it.
        string[] large = [.. Enumerable.Range(0, 300).SelectMany(_ => new[] { a, b, a })];
        kit.Publish(large);
        await both.WaitAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        kit.Publish(b, a);

        var ticks = StreamingTestKit.Drain(both).SelectMany(item => item.Ticks).Select(t => (t.Tick.Symbol, t.Tick.Seq)).ToList();
        Assert.Equal(large.Length + 2, ticks.Count);
        Assert.Equal([.. Enumerable.Range(1, 601).Select(seq => (a, (ulong)seq))], ticks.Where(t => t.Symbol == a));
        Assert.Equal([.. Enumerable.Range(1, 301).Select(seq => (b, (ulong)seq))], ticks.Where(t => t.Symbol == b));
        Assert.Equal((a, 601UL), ticks[^1]);
        Assert.Equal([.. Enumerable.Range(1, 301).Select(seq => (b, (ulong)seq))], StreamingTestKit.Drain(onlyB).SelectMany(item => item.Ticks).Select(t => (t.Tick.Symbol, t.Tick.Seq)));
    }
}
