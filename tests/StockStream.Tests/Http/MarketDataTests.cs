using System.Net;
using System.Text.Json;
using StockStream.Tests.Infrastructure;

namespace StockStream.Tests.Http;

/// <summary><c>/api/quotes</c>, <c>/api/history/{symbol}</c> and <c>/api/candles/{symbol}</c> on a live market.</summary>
public class MarketDataTests(StockStreamServer server) : IClassFixture<StockStreamServer>
{
    [Fact]
    public async Task QuotesAreQuoteObjectsOfTheNamedSymbols()
    {
        var symbols = server.BusySymbols(2);
        using var json = await GetJsonAsync($"/api/quotes?symbols={string.Join(',', symbols)}");
        var quotes = json.RootElement.EnumerateArray().Select(JsonObjects.Quote).ToList();
        Assert.Equal(symbols, quotes.Select(q => q.Symbol));
        Assert.All(quotes, q => Assert.True(q.Low <= q.Price && q.Price <= q.High && q.Volume >= 0));
    }

    [Fact]
    public async Task HistoryIsTheSymbolsRecentTicksOldestFirst()
    {
        string symbol = server.BusySymbols(1)[0];
        Assert.True(server.Hub.TryGetFeed(symbol, out var feed));
        for (int i = 0; i < 3; i++) await feed.NextTickAsync().WaitAsync(ProtocolClient.DefaultTimeout);
        using var json = await GetJsonAsync($"/api/history/{symbol}?seconds=60");
        var ticks = json.RootElement.EnumerateArray().Select(JsonObjects.Tick).ToList();
        Assert.True(ticks.Count >= 3);
        Assert.All(ticks, t => Assert.Equal(symbol, t.Symbol));
        for (int i = 1; i < ticks.Count; i++) Assert.Equal(ticks[i - 1].Seq + 1, ticks[i].Seq);
    }

    [Theory]
    [InlineData("1s", 1)]
    [InlineData("5s", 5)]
    [InlineData("1m", 60)]
    public async Task CandlesAreConsistentBarsOldestFirst(string interval, int seconds)
    {
        string symbol = server.BusySymbols(1)[0];
        Assert.True(server.Hub.TryGetFeed(symbol, out var feed));
        for (int i = 0; i < 3; i++) await feed.NextTickAsync().WaitAsync(ProtocolClient.DefaultTimeout);
        using var json = await GetJsonAsync($"/api/candles/{symbol}?interval={interval}&count=5");
        var bars = json.RootElement.EnumerateArray().ToList();
        Assert.InRange(bars.Count, 1, 5);
        long previous = 0;
        foreach (var bar in bars)
        {
            Assert.Equal(["time", "open", "high", "low", "close", "volume"], bar.EnumerateObject().Select(p => p.Name));
            long time = bar.GetProperty("time").GetInt64();
            double open = bar.GetProperty("open").GetDouble(), high = bar.GetProperty("high").GetDouble();
            double low = bar.GetProperty("low").GetDouble(), close = bar.GetProperty("close").GetDouble();
            Assert.Equal(0, time % seconds);
            Assert.True(time > previous);
            Assert.True(low <= Math.Min(open, close) && Math.Max(open, close) <= high);
            Assert.True(bar.GetProperty("volume").GetInt64() > 0);
            previous = time;
        }
    }

    [Theory]
    [InlineData("/api/quotes")]
    [InlineData("/api/quotes?symbols=bad!")]
    [InlineData("/api/history/NOTLISTED")]
    [InlineData("/api/history/{0}?seconds=0")]
    [InlineData("/api/history/{0}?seconds=100000")]
    [InlineData("/api/history/{0}?seconds=x")]
    [InlineData("/api/candles/{0}?interval=2s")]
    [InlineData("/api/candles/{0}?count=0")]
    [InlineData("/api/candles/{0}?count=1001")]
    [InlineData("/api/candles/lower")]
    public async Task BadInputIsA400Problem(string path)
    {
        using var http = server.CreateHttpClient();
        using var response = await http.GetAsync(string.Format(path, server.BusySymbols(1)[0]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<JsonDocument> GetJsonAsync(string path)
    {
        using var http = server.CreateHttpClient();
        using var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
