using StockStream.Tests.Infrastructure;

namespace StockStream.Tests.Http;

/// <summary>The contract's view of <c>/api/sse</c>: <c>ticks</c> events, the last event id as the token.</summary>
public sealed class SseSession(StockStreamServer server, List<string> symbols, SseReader reader, string? lastEventId) : TransportSession
{
    public static async Task<SseSession> OpenAsync(StockStreamServer server, IReadOnlyList<string> symbols, object? resumeToken)
    {
        var reader = await server.OpenSseAsync(symbols, (string?)resumeToken);
        return new SseSession(server, [.. symbols], reader, (string?)resumeToken);
    }

    public override object ResumeToken => lastEventId!;

    public override async Task<Delivery> NextAsync()
    {
        var next = await reader.ReadEventAsync("ticks");
        lastEventId = next.Id;
        var reply = next.Poll;
        return new Delivery(reply.Quotes, reply.Ticks, reply.Missed);
    }

    /// <summary>An SSE client changes its symbols by reconnecting with them and its Last-Event-ID.</summary>
    public override async Task<IReadOnlyList<Delivery>> UnsubscribeAsync(string symbol)
    {
        symbols.Remove(symbol);
        await reader.DisposeAsync();
        reader = await server.OpenSseAsync(symbols, lastEventId);
        return [];
    }

    public override ValueTask DisposeAsync() => reader.DisposeAsync();
}
