using StockStream.Tests.Infrastructure;

namespace StockStream.Tests.Http;

/// <summary>Lifecycle of the HTTP transports on servers of their own: shutdown and the stream limit.</summary>
public class HttpLifecycleTests
{
    [Fact]
    public async Task SseStreamsBeyondTheLimitAreRefusedWith503()
    {
        var server = new StockStreamServer(new Dictionary<string, string?> { ["Sse:MaxConnections"] = "1" });
        await server.InitializeAsync();
        try
        {
            var symbols = server.BusySymbols(1);
            await using var first = await server.OpenSseAsync(symbols);
            await first.ReadEventAsync("ticks");

            await using var second = await server.OpenSseAsync($"symbols={symbols[0]}");
            Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, second.Response.StatusCode);
            Assert.Equal("application/problem+json", second.Response.Content.Headers.ContentType?.MediaType);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task StoppingAnswersHeldPollsAndEndsSseStreams()
    {
        var server = new ClosedMarketServer();
        await server.InitializeAsync();
        var symbols = server.BusySymbols(1);
        var start = await server.PollAsync(symbols);
        using var holds = new MetricWatcher(server, "stockstream.poll.held");
        var held = server.PollAsync(symbols, start.Cursor, timeoutMs: 60_000);
        await holds.FirstIncrease.WaitAsync(ProtocolClient.DefaultTimeout);
        await using var sse = await server.OpenSseAsync(symbols);
        await sse.ReadEventAsync("ticks");

        var stopping = server.DisposeAsync();

        var answer = await held.WaitAsync(ProtocolClient.DefaultTimeout);
        Assert.Empty(answer.Ticks);
        Assert.Null(await sse.ReadEventAsync()); // the stream ended cleanly
        await stopping.WaitAsync(ProtocolClient.DefaultTimeout);
    }
}
