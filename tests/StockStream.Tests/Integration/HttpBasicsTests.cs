using System.Net;
using System.Net.Http.Json;
using StockStream.Tests.Infrastructure;

namespace StockStream.Tests.Integration;

public class HttpBasicsTests(StockStreamServer server) : IClassFixture<StockStreamServer>
{
    private sealed record SymbolInfo(string Symbol, string Name, string Sector, string Exchange, string Currency, double Price);

    [Fact]
    public async Task SymbolsAreServedAsJsonNotAsTheAppsIndexPage()
    {
        using var http = server.CreateHttpClient();
        using var response = await http.GetAsync("/api/symbols");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var symbols = await response.Content.ReadFromJsonAsync<SymbolInfo[]>();
        Assert.Equal(20, symbols!.Length);
        Assert.All(symbols, s => Assert.True(s.Price > 0 && s.Name.Length > 0 && s.Currency.Length == 3));
    }

    [Fact]
    public async Task UnknownApiPathIsA404ProblemNotThePage()
    {
        using var http = server.CreateHttpClient();
        using var response = await http.GetAsync("/api/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task HealthzIsReady()
    {
        using var http = server.CreateHttpClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
    }
}
