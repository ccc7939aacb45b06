using StockStream.Protocol;
using StockStream.Server.Backplane;
using StockStream.Server.Streaming;

namespace StockStream.Tests.Infrastructure;

/// <summary>Publishes ticks into a server's hub by hand, continuing each symbol's seq (for a closed market only).</summary>
public static class HandFedTicks
{
    public static Tick PublishNext(this TickHub hub, string symbol)
    {
        Assert.True(hub.TryGetFeed(symbol, out var feed));
        var quote = feed.Quote;
        var tick = new Tick(symbol, quote.Seq + 1, quote.Price + 0.01, 100, UnixTime.NowMicroseconds(TimeProvider.System));
        hub.Publish(new TickBatch(hub.Offset + 1, [tick]));
        return tick;
    }
}
