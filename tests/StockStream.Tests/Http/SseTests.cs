using System.Net;
using System.Text.Json;
using StockStream.Protocol;
using StockStream.Server.Transports.Http;
using StockStream.Tests.Infrastructure;

namespace StockStream.Tests.Http;

/// <summary><c>/api/sse</c> on a closed market: the raw event lines, resume, market events and refusals.</summary>
public class SseTests(ClosedMarketServer server) : IClassFixture<ClosedMarketServer>
{
    [Fact]
    public async Task FirstEventIsTicksWithTheQuotesItsCursorAsIdAndTheJsonPollBody()
    {
        var symbols = server.BusySymbols(2);
        long before = UnixTime.NowMicroseconds();
        await using var sse = await server.OpenSseAsync(symbols);
        var first = await sse.ReadEventAsync() ?? throw new EndOfStreamException();
        long after = UnixTime.NowMicroseconds();

        Assert.Contains("event: ticks", first.Lines);
        Assert.Contains(first.Lines, l => l.StartsWith("id: ", StringComparison.Ordinal));
        Assert.Single(first.Lines, l => l.StartsWith("data: {\"cursor\":", StringComparison.Ordinal));
        Assert.Contains(first.Lines, l => l.StartsWith("retry: ", StringComparison.Ordinal));
        var reply = first.Poll;
        Assert.Equal(first.Id, reply.Cursor);
        Assert.True(PollCursor.TryParse(first.Id, out var cursor));
        Assert.Equal(server.Hub.Epoch, cursor.Epoch);
        Assert.Equal(server.Hub.MarketState, cursor.Market);
        Assert.Equal(server.Hub.MarketState, reply.Market);
        Assert.Equal(symbols.Order(), reply.Quotes.Select(q => q.Symbol).Order());
        Assert.False(reply.Missed);
        Assert.InRange(reply.ServerTime, before, after); // when the event was written, by the server's clock
    }

    [Fact]
    public async Task TicksFollowAsEventsOldestFirst()
    {
        var symbols = server.BusySymbols(2);
        await using var sse = await server.OpenSseAsync(symbols);
        var first = (await sse.ReadEventAsync("ticks")).Poll;
        var published = new[] { server.Hub.PublishNext(symbols[1]), server.Hub.PublishNext(symbols[0]) };

        var received = new List<Tick>();
        while (received.Count < published.Length)
        {
            var next = await sse.ReadEventAsync("ticks");
            Assert.NotEqual(first.Cursor, next.Id);
            received.AddRange(next.Poll.Ticks);
        }
        Assert.Equal(published, received);
    }

    [Fact]
    public async Task LastEventIdResumesWithTheTicksPublishedMeanwhile()
    {
        var symbols = server.BusySymbols(1);
        string lastId;
        await using (var sse = await server.OpenSseAsync(symbols))
        {
            lastId = (await sse.ReadEventAsync("ticks")).Id!;
        }
        var missed = new[] { server.Hub.PublishNext(symbols[0]), server.Hub.PublishNext(symbols[0]) };

        await using var resumed = await server.OpenSseAsync(symbols, lastId);
        var market = await resumed.ReadEventAsync() ?? throw new EndOfStreamException();
        Assert.Equal("market", market.Type); // a client that was away may have missed a change
        Assert.Equal(server.Hub.MarketState.ToWire(), market.Json.GetProperty("market").GetString());
        var received = new List<Tick>();
        while (received.Count < missed.Length)
        {
            var reply = (await resumed.ReadEventAsync("ticks")).Poll;
            Assert.Empty(reply.Quotes);
            Assert.False(reply.Missed);
            received.AddRange(reply.Ticks);
        }
        Assert.Equal(missed, received);
    }

    [Fact]
    public async Task LastEventIdOfAnotherEpochRestartsWithQuotesAndMissed()
    {
        var symbols = server.BusySymbols(1);
        await using var sse = await server.OpenSseAsync(symbols, new PollCursor("0123456789abcdef", 3, MarketState.Open).ToString());
        var reply = (await sse.ReadEventAsync("ticks")).Poll;
        Assert.True(reply.Missed);
        Assert.Equal(symbols, reply.Quotes.Select(q => q.Symbol));
    }

    [Fact]
    public async Task MarketStateChangeIsAMarketEvent()
    {
        var symbols = server.BusySymbols(1);
        await using var sse = await server.OpenSseAsync(symbols);
        await sse.ReadEventAsync("ticks");
        var other = server.Hub.MarketState == MarketState.Halted ? MarketState.Closed : MarketState.Halted;
        server.Hub.SetMarketState(other);

        var market = await sse.ReadEventAsync("market");
        Assert.Null(market.Id);
        var data = market.Json;
        Assert.Equal(["market", "time"], data.EnumerateObject().Select(p => p.Name));
        Assert.Equal(other.ToWire(), data.GetProperty("market").GetString());
        Assert.InRange(data.GetProperty("time").GetInt64(), UnixTime.NowMicroseconds(TimeProvider.System) - 60_000_000, UnixTime.NowMicroseconds(TimeProvider.System));
    }

    [Theory]
    [InlineData("", null, "symbol")]
    [InlineData("symbols=NOTLISTED", null, "'NOTLISTED'")]
    [InlineData("symbols={0}", "garbage!", "Last-Event-ID")]
    public async Task BadParametersAreA400BeforeTheStream(string query, string? lastEventId, string named)
    {
        await using var sse = await server.OpenSseAsync(string.Format(query, server.BusySymbols(1)[0]), lastEventId);
        Assert.Equal(HttpStatusCode.BadRequest, sse.Response.StatusCode);
        Assert.Equal("application/problem+json", sse.Response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await sse.ReadToEndAsync());
        Assert.Contains(named, problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ClosingTheStreamReleasesItsSubscription()
    {
        var symbol = server.BusySymbols(20)[^1]; // one no other test here streams
        Assert.True(server.Hub.TryGetFeed(symbol, out var feed));
        using var connections = new MetricWatcher(server, "stockstream.connections");
        await using (var sse = await server.OpenSseAsync([symbol]))
        {
            await sse.ReadEventAsync("ticks");
            server.Hub.PublishNext(symbol);
            Assert.NotEmpty((await sse.ReadEventAsync("ticks")).Poll.Ticks); // streamed live, so it is subscribed
            Assert.Equal(1, feed.SubscriberCount);
        }
        await connections.WaitUntilAsync(() => feed.SubscriberCount == 0, ProtocolClient.DefaultTimeout);
    }
}
