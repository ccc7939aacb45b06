using StockStream.Tests.Infrastructure;

namespace StockStream.Tests.Http;

/// <summary>A stopping server answers held polls and ends SSE streams instead of cutting them off.</summary>
public class ShutdownTests
{
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
