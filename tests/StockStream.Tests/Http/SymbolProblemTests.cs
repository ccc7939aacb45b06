using System.Net;
using System.Text.Json;
using StockStream.Tests.Infrastructure;

namespace StockStream.Tests.Http;

/// <summary>The machine-readable members of the 400 problem for bad symbols, on every endpoint that takes symbols.</summary>
public class SymbolProblemTests(ClosedMarketServer server) : IClassFixture<ClosedMarketServer>
{
    public static TheoryData<string> ListEndpoints => new() { "/api/poll", "/api/sse", "/api/quotes" };

    [Theory]
    [MemberData(nameof(ListEndpoints))]
    public async Task ListsEveryBadSymbolWithItsReason(string endpoint)
    {
        string good = server.BusySymbols(1)[0];
        using var problem = await GetProblemAsync($"{endpoint}?symbols={good},bad!,NOTLISTED,bad!,lower");
        Assert.Equal(
            [("bad!", "invalid symbol"), ("NOTLISTED", "unknown symbol"), ("lower", "invalid symbol")],
            Rejections(problem));
        Assert.False(problem.RootElement.TryGetProperty("maxSymbols", out _));
        string detail = problem.RootElement.GetProperty("detail").GetString()!;
        Assert.Contains("bad!", detail);
        Assert.Contains("NOTLISTED", detail);
    }

    [Theory]
    [MemberData(nameof(ListEndpoints))]
    public async Task StatesTheLimitAsMaxSymbolsWhenTooManyAreAsked(string endpoint)
    {
        var symbols = server.BusySymbols(4);
        using var problem = await GetProblemAsync($"{endpoint}?symbols={string.Join(',', symbols)}");
        Assert.Equal(3, problem.RootElement.GetProperty("maxSymbols").GetInt32());
        Assert.False(problem.RootElement.TryGetProperty("limit", out _));
        Assert.False(problem.RootElement.TryGetProperty("symbols", out _));
        Assert.Contains("at most 3 symbols", problem.RootElement.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task NamesBadSymbolsAndTheLimitTogether()
    {
        var symbols = server.BusySymbols(4);
        using var problem = await GetProblemAsync($"/api/poll?symbols={string.Join(',', symbols)},ZZZZ");
        Assert.Equal([("ZZZZ", "unknown symbol")], Rejections(problem));
        Assert.Equal(3, problem.RootElement.GetProperty("maxSymbols").GetInt32());
    }

    [Fact]
    public async Task DuplicatesDoNotCountTowardsTheLimit()
    {
        var symbols = server.BusySymbols(3);
        using var http = server.CreateHttpClient();
        using var response = await http.GetAsync($"/api/quotes?symbols={string.Join(',', symbols)},{symbols[0]}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/history/{0}", "NOTLISTED", "unknown symbol")]
    [InlineData("/api/history/{0}", "lower", "invalid symbol")]
    [InlineData("/api/candles/{0}", "NOTLISTED", "unknown symbol")]
    [InlineData("/api/candles/{0}", "WAY-TOO-LONG-SYMBOL", "invalid symbol")]
    public async Task PathSymbolIsListedWithItsReason(string path, string symbol, string reason)
    {
        using var problem = await GetProblemAsync(string.Format(path, symbol));
        Assert.Equal([(symbol, reason)], Rejections(problem));
    }

    private static List<(string, string)> Rejections(JsonDocument problem) =>
        [.. problem.RootElement.GetProperty("symbols").EnumerateArray()
            .Select(r => (r.GetProperty("symbol").GetString()!, r.GetProperty("reason").GetString()!))];

    private async Task<JsonDocument> GetProblemAsync(string path)
    {
        using var http = server.CreateHttpClient();
        using var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
