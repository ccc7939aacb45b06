using StockStream.Tests.Infrastructure;

namespace StockStream.Tests.Http;

/// <summary>A cursor older than the history still held restarts the client with fresh Quotes and says ticks were missed.</summary>
public class StaleCursorTests(SmallHistoryServer server) : IClassFixture<SmallHistoryServer>
{
    [Fact]
    public async Task PollWithACursorOlderThanTheHistoryAnswersAtOnceWithQuotesAndMissed()
    {
        var symbols = server.BusySymbols(1);
        var start = await server.PollAsync(symbols);
        await LetTheHistoryTurnOverAsync(symbols[0]);

        var reply = await server.PollAsync(symbols, start.Cursor, timeoutMs: 60_000).WaitAsync(ProtocolClient.DefaultTimeout);
        Assert.True(reply.Missed);
        Assert.Equal(symbols, reply.Quotes.Select(q => q.Symbol));
        Assert.True(reply.Quotes[0].Seq > start.Quotes[0].Seq + 16);
    }

    [Fact]
    public async Task SseWithALastEventIdOlderThanTheHistoryRestartsWithQuotesAndMissed()
    {
        var symbols = server.BusySymbols(1);
        var start = await server.PollAsync(symbols);
        await LetTheHistoryTurnOverAsync(symbols[0]);

        await using var sse = await server.OpenSseAsync(symbols, start.Cursor);
        var reply = (await sse.ReadEventAsync("ticks")).Poll;
        Assert.True(reply.Missed);
        Assert.Equal(symbols, reply.Quotes.Select(q => q.Symbol));
    }

    /// <summary>Waits for more ticks of the symbol than the server keeps (16).</summary>
    private async Task LetTheHistoryTurnOverAsync(string symbol)
    {
        Assert.True(server.Hub.TryGetFeed(symbol, out var feed));
        for (int i = 0; i < 20; i++) await feed.NextTickAsync().WaitAsync(ProtocolClient.DefaultTimeout);
    }
}
