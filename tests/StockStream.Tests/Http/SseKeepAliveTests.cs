using StockStream.Tests.Infrastructure;

namespace StockStream.Tests.Http;

/// <summary><c>/api/sse</c> writes a <c>: keep-alive</c> comment line whenever it has been silent for <c>Sse:KeepAliveMs</c>.</summary>
public class SseKeepAliveTests(KeepAliveSseServer server) : IClassFixture<KeepAliveSseServer>
{
    [Fact]
    public async Task QuietStreamCarriesKeepAliveCommentLinesBetweenEvents()
    {
        var symbols = server.BusySymbols(1);
        await using var sse = await server.OpenSseAsync(symbols);
        Assert.Equal("ticks", (await sse.ReadEventAsync())?.Type);

        Assert.Equal([": keep-alive"], (await sse.ReadEventAsync(TimeSpan.FromSeconds(5)))?.Lines);
        var tick = server.Hub.PublishNext(symbols[0]);
        Assert.Equal([tick], (await sse.ReadEventAsync("ticks")).Poll.Ticks);
        Assert.Equal([": keep-alive"], (await sse.ReadEventAsync(TimeSpan.FromSeconds(5)))?.Lines);
    }
}
