using StockStream.Protocol;
using StockStream.Server.Backplane;
using StockStream.Server.Streaming;

namespace StockStream.Tests.Streaming;

/// <summary>A node joining a shared stream: quotes and history restored, offsets continuing, older cursors told they missed ticks.</summary>
public class TickHubRestoreTests
{
    [Fact]
    public void RestoredHubContinuesTheSharedStreamWithItsQuotesAndHistory()
    {
        var kit = new StreamingTestKit();
        string symbol = kit.Symbol(0);
        var held = new Tick(symbol, 7, 101, 10, UnixTime.NowMicroseconds(TimeProvider.System));
        var quote = new Quote(symbol, 7, 101, 100, 102, 99, 5_000, held.Time);

        kit.Hub.Restore("shared-epoch", offset: 40, [quote], heldAfter: 39);
        kit.Hub.RestoreHistory(new TickBatch(40, [held]));
        kit.Hub.Publish(new TickBatch(41, [held with { Seq = 8, Price = 101.5 }]));

        Assert.Equal("shared-epoch", kit.Hub.Epoch);
        Assert.Equal(41UL, kit.Hub.Offset);
        Assert.True(kit.Hub.TryGetFeed(symbol, out var feed));
        Assert.Equal(quote with { Seq = 8, Price = 101.5, Volume = 5_010 }, feed.Quote);
        Assert.Equal([40UL, 41UL], feed.AfterOffset(39, out bool missed).Select(t => t.Offset));
        Assert.False(missed);
        feed.AfterOffset(38, out bool older);
        Assert.True(older); // ticks before the restored history are not held here
    }

    [Fact]
    public void ABatchThatDoesNotFollowTheOffsetIsRefused()
    {
        var kit = new StreamingTestKit();
        var tick = new Tick(kit.Symbol(0), 1, 100, 10, 0);
        kit.Hub.Publish(new TickBatch(1, [tick]));
        Assert.Throws<InvalidOperationException>(() => kit.Hub.Publish(new TickBatch(3, [tick with { Seq = 2 }])));
        Assert.Equal(1UL, kit.Hub.Offset);
    }
}
