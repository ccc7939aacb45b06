using System.Diagnostics;
using System.Net;
using System.Text.Json;
using StockStream.Protocol;
using StockStream.Protocol.Http;
using StockStream.Server.Transports.Http;
using StockStream.Tests.Infrastructure;

namespace StockStream.Tests.Http;

/// <summary><c>/api/poll</c> on a closed market, where the test alone decides when ticks and state changes happen.</summary>
public class LongPollingTests(ClosedMarketServer server) : IClassFixture<ClosedMarketServer>
{
    private static readonly TimeSpan Bound = ProtocolClient.DefaultTimeout;

    [Fact]
    public async Task AnswerWithoutCursorHoldsTheQuotesAndTheProtocolsFieldNames()
    {
        var symbols = server.BusySymbols(2);
        long before = UnixTime.NowMicroseconds();
        using var response = await server.PollRawAsync(HttpTransportClient.PollQuery(symbols));
        long after = UnixTime.NowMicroseconds();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        byte[] bytes = await response.Content.ReadAsByteArrayAsync();
        using var body = JsonDocument.Parse(bytes);
        var root = body.RootElement;
        Assert.Equal(["cursor", "ticks", "missed", "quotes", "market", "epoch", "serverTime"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["symbol", "seq", "price", "open", "high", "low", "volume", "time"],
            root.GetProperty("quotes")[0].EnumerateObject().Select(p => p.Name));
        var reply = PollAnswerFormat.Json.Read(bytes);
        Assert.Equal(symbols.Order(), reply.Quotes.Select(q => q.Symbol).Order());
        Assert.Equal(server.Hub.Epoch, reply.Epoch);
        Assert.Equal(server.Hub.MarketState, reply.Market);
        Assert.False(reply.Missed);
        Assert.InRange(reply.ServerTime, before, after); // when the answer was written, by the server's clock
    }

    [Fact]
    public async Task HeldPollIsAnsweredByTheNextTickOfItsSymbolsOnly()
    {
        var symbols = server.BusySymbols(3).ToArray();
        var start = await server.PollAsync(symbols[..2]);
        using var holds = new MetricWatcher(server, "stockstream.poll.held");
        var held = server.PollAsync(symbols[..2], start.Cursor, timeoutMs: 30_000);
        await holds.FirstIncrease.WaitAsync(Bound);

        server.Hub.PublishNext(symbols[2]); // not asked for: the poll stays held
        var expected = server.Hub.PublishNext(symbols[1]);
        var reply = await held.WaitAsync(Bound);

        Assert.Equal([expected], reply.Ticks);
        Assert.Empty(reply.Quotes);
        Assert.False(reply.Missed);
        Assert.NotEqual(start.Cursor, reply.Cursor);
    }

    [Fact]
    public async Task TicksOfSeveralSymbolsComeOldestFirstAndTheCursorMovesPastThem()
    {
        var symbols = server.BusySymbols(2);
        var start = await server.PollAsync(symbols);
        var published = new[] { server.Hub.PublishNext(symbols[1]), server.Hub.PublishNext(symbols[0]), server.Hub.PublishNext(symbols[1]) };

        var reply = await server.PollAsync(symbols, start.Cursor, messagePack: true).WaitAsync(Bound);
        Assert.Equal(published, reply.Ticks);

        var empty = await server.PollAsync(symbols, reply.Cursor, timeoutMs: 0).WaitAsync(Bound);
        Assert.Empty(empty.Ticks);
    }

    [Fact]
    public async Task HeldPollTimesOutWithAnEmptyAnswer()
    {
        var symbols = server.BusySymbols(1);
        var start = await server.PollAsync(symbols);
        var watch = Stopwatch.StartNew();
        var reply = await server.PollAsync(symbols, start.Cursor, timeoutMs: 300).WaitAsync(Bound);
        Assert.InRange(watch.ElapsedMilliseconds, 250, 5_000);
        Assert.Empty(reply.Ticks);
        Assert.False(reply.Missed);
        Assert.Empty(reply.Quotes);
    }

    [Fact]
    public async Task MarketStateChangeAnswersAHeldPollAtOnce()
    {
        var symbols = server.BusySymbols(1);
        var start = await server.PollAsync(symbols);
        using var holds = new MetricWatcher(server, "stockstream.poll.held");
        var held = server.PollAsync(symbols, start.Cursor, timeoutMs: 60_000);
        await holds.FirstIncrease.WaitAsync(Bound);
        var other = server.Hub.MarketState == MarketState.Halted ? MarketState.Closed : MarketState.Halted;
        server.Hub.SetMarketState(other);

        var reply = await held.WaitAsync(Bound);
        Assert.Equal(other, reply.Market);
        Assert.Empty(reply.Ticks);
    }

    [Fact]
    public async Task CursorIssuedBeforeAMarketChangeIsAnsweredAtOnceWithTheNewState()
    {
        var symbols = server.BusySymbols(1);
        var start = await server.PollAsync(symbols);
        var other = server.Hub.MarketState == MarketState.Halted ? MarketState.Closed : MarketState.Halted;
        server.Hub.SetMarketState(other); // between two polls: no poll is held to be woken

        var reply = await server.PollAsync(symbols, start.Cursor, timeoutMs: 60_000).WaitAsync(Bound);
        Assert.Equal(other, reply.Market);
        Assert.Empty(reply.Ticks);
        Assert.False(reply.Missed);

        // The new cursor carries the new state, so the next poll is held again (here until its short timeout).
        Assert.True(PollCursor.TryParse(reply.Cursor, out var next));
        Assert.Equal(other, next.Market);
        var watch = Stopwatch.StartNew();
        var held = await server.PollAsync(symbols, reply.Cursor, timeoutMs: 300).WaitAsync(Bound);
        Assert.True(watch.ElapsedMilliseconds >= 250, $"answered after {watch.ElapsedMilliseconds} ms: not held");
        Assert.Equal((other, 0), (held.Market, held.Ticks.Count));
    }

    [Fact]
    public async Task CursorWithoutAMarketStateIsAnsweredAtOnceWithTheCurrentState()
    {
        var symbols = server.BusySymbols(1);
        var start = await server.PollAsync(symbols);
        Assert.True(PollCursor.TryParse(start.Cursor, out var issued));
        string older = (issued with { Market = null }).ToString(); // as servers wrote cursors before they carried the state

        var reply = await server.PollAsync(symbols, older, timeoutMs: 60_000).WaitAsync(Bound);
        Assert.Equal(server.Hub.MarketState, reply.Market);
        Assert.Empty(reply.Ticks);
        Assert.False(reply.Missed);
        Assert.Equal(start.Cursor, reply.Cursor);
    }

    [Fact]
    public async Task CursorOfAnotherEpochAnswersAtOnceWithFreshQuotesAndMissed()
    {
        var symbols = server.BusySymbols(2);
        string foreign = new PollCursor("0123456789abcdef", 5, MarketState.Open).ToString();
        var reply = await server.PollAsync(symbols, foreign, timeoutMs: 60_000, messagePack: true).WaitAsync(Bound);
        Assert.True(reply.Missed);
        Assert.Equal(symbols.Order(), reply.Quotes.Select(q => q.Symbol).Order());
        Assert.Equal(server.Hub.Epoch, reply.Epoch);
    }

    [Theory]
    [InlineData("", "symbol")]
    [InlineData("symbols=", "symbol")]
    [InlineData("symbols=aapl", "'aapl'")]
    [InlineData("symbols=NOTLISTED", "'NOTLISTED'")]
    [InlineData("symbols={0},{1},{2},{3}", "At most 3")]
    [InlineData("symbols={0}&cursor=not-a-cursor", "cursor")]
    [InlineData("symbols={0}&cursor=", "cursor")]
    [InlineData("symbols={0}&timeoutMs=-1", "timeoutMs")]
    [InlineData("symbols={0}&timeoutMs=60001", "timeoutMs")]
    [InlineData("symbols={0}&timeoutMs=1e3", "timeoutMs")]
    public async Task BadParametersAreA400ProblemNamingIt(string query, string named)
    {
        var symbols = server.BusySymbols(4);
        using var response = await server.PollRawAsync(string.Format(query, [.. symbols]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains(named, problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ClientThatLeavesReleasesItsHeldPoll()
    {
        var symbols = server.BusySymbols(1);
        var start = await server.PollAsync(symbols);
        using var holds = new MetricWatcher(server, "stockstream.poll.held");
        using var leave = new CancellationTokenSource();
        var held = server.PollAsync(symbols, start.Cursor, timeoutMs: 60_000, cancellationToken: leave.Token);
        await holds.FirstIncrease.WaitAsync(Bound);
        leave.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => held);
        await holds.FirstDecrease.WaitAsync(Bound);
    }

    [Fact]
    public async Task CursorIsStrict()
    {
        var symbols = server.BusySymbols(1);
        var start = await server.PollAsync(symbols);
        Assert.True(PollCursor.TryParse(start.Cursor, out var parsed));
        Assert.Equal(server.Hub.Epoch, parsed.Epoch);
        Assert.Equal(server.Hub.MarketState, parsed.Market);
        Assert.True(PollCursor.TryParse(start.Cursor, out var honest, server.Hub.Epoch));
        Assert.Equal(parsed, honest);
        Assert.Same(server.Hub.Epoch, honest.Epoch); // the hub's own string, not a copy per poll
        Assert.False(PollCursor.TryParse(Base64Url(parsed.Epoch + ".1.opened"), out _));
        Assert.False(PollCursor.TryParse(Base64Url(parsed.Epoch + ".01.open"), out _, server.Hub.Epoch));
        Assert.False(PollCursor.TryParse(Base64Url(parsed.Epoch + ".1."), out _));
        Assert.True(PollCursor.TryParse(Base64Url(parsed.Epoch + ".1"), out var older));
        Assert.Equal((parsed.Epoch, 1UL, (MarketState?)null), (older.Epoch, older.Offset, older.Market));
        Assert.False(PollCursor.TryParse(start.Cursor + "=", out _));
        Assert.False(PollCursor.TryParse(start.Cursor + "A", out _));
        Assert.False(PollCursor.TryParse(Convert.ToBase64String("abc.01"u8), out _));
        Assert.False(PollCursor.TryParse(Convert.ToBase64String("abc.-1"u8).TrimEnd('='), out _));
    }

    private static string Base64Url(string text) => System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.ASCII.GetBytes(text));
}
