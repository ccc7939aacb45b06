using System.Net;
using System.Text.Json;
using StockStream.Tests.Infrastructure;

namespace StockStream.Tests.Http;

/// <summary>What operators use: Prometheus metrics, the API documents, and the admin endpoint's refusal when unset.</summary>
public class OperationsTests(StockStreamServer server) : IClassFixture<StockStreamServer>
{
    [Fact]
    public async Task MetricsAreServedInPrometheusFormatWithEveryTransport()
    {
        var symbols = server.BusySymbols(1);
        var start = await server.PollAsync(symbols);
        var polled = await server.PollAsync(symbols, start.Cursor, timeoutMs: 10_000);
        Assert.NotEmpty(polled.Ticks);
        await using (var sse = await server.OpenSseAsync(symbols))
        {
            await sse.ReadEventAsync("ticks");
        }
        using var http = server.CreateHttpClient();
        const string PolledTicks = "stockstream_ticks_sent_total\\{[^}]*transport=\"longpolling\"[^}]*\\} [1-9]";
        string text = await ScrapeUntilAsync(http, PolledTicks);
        Assert.Contains("# TYPE stockstream_poll_requests_total counter", text);
        Assert.Matches("stockstream_poll_requests_total\\{[^}]*outcome=\"start\"", text);
        Assert.Matches(PolledTicks, text);
        Assert.Matches("stockstream_bytes_sent_bytes_total\\{[^}]*transport=\"sse\"[^}]*\\} [1-9]", text);
        Assert.Matches("stockstream_frames_sent_total\\{[^}]*transport=\"sse\"[^}]*\\} [1-9]", text);
        Assert.Contains("# TYPE stockstream_ticks_sent_total counter", text); // counted per frame, exported as a counter
        Assert.Matches("stockstream_connections_opened_total\\{[^}]*transport=\"sse\"", text);
        Assert.Contains("stockstream_poll_held", text);
        Assert.Contains("dotnet_gc_", text); // runtime metrics
        Assert.Contains("http_server_request_duration_seconds", text); // ASP.NET Core's own
    }

    /// <summary>
    /// Scrapes <c>/metrics</c> until <paramref name="pattern"/> is in it (10 s at most). A poll's ticks are counted once
    /// its answer is flushed, so the client can have read the whole answer a moment before they are counted; nothing
    /// signals the count, so the test scrapes again as a Prometheus server would.
    /// </summary>
    private static async Task<string> ScrapeUntilAsync(HttpClient http, string pattern)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            using var response = await http.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
            string text = await response.Content.ReadAsStringAsync();
            if (System.Text.RegularExpressions.Regex.IsMatch(text, pattern) || DateTime.UtcNow > deadline) return text;
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task OpenApiDocumentDescribesEveryHttpEndpoint()
    {
        using var http = server.CreateHttpClient();
        using var json = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json"));
        var paths = json.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (string path in (string[])["/api/poll", "/api/sse", "/api/quotes", "/api/history/{symbol}", "/api/candles/{symbol}", "/api/symbols", "/api/admin/market"])
            Assert.Contains(path, paths);
        Assert.DoesNotContain("/ws", paths);
    }

    [Fact]
    public async Task OpenApiDocumentMarksSymbolsRequired()
    {
        using var http = server.CreateHttpClient();
        using var json = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json"));
        foreach (string path in (string[])["/api/poll", "/api/sse", "/api/quotes"])
        {
            var parameters = json.RootElement.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("parameters");
            var symbols = parameters.EnumerateArray().Single(p => p.GetProperty("name").GetString() == "symbols");
            Assert.Equal("query", symbols.GetProperty("in").GetString());
            Assert.True(symbols.GetProperty("required").GetBoolean(), path);
        }
    }

    [Fact]
    public async Task AsyncApiDocumentTheReferenceLinksIsServed()
    {
        using var http = server.CreateHttpClient();
        using var openApi = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json"));
        Assert.Contains("(/docs/asyncapi.yaml)", openApi.RootElement.GetProperty("info").GetProperty("description").GetString());
        using var response = await http.GetAsync("/docs/asyncapi.yaml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/yaml", response.Content.Headers.ContentType?.MediaType);
        string served = await response.Content.ReadAsStringAsync();
        Assert.Equal(await File.ReadAllTextAsync(RepositoryFile(Path.Combine("docs", "asyncapi.yaml"))), served);
    }

    [Fact]
    public async Task MissingSymbolsHintNamesSymbolsThisMarketHas()
    {
        using var http = server.CreateHttpClient();
        using var response = await http.GetAsync("/api/poll");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        string detail = problem.RootElement.GetProperty("detail").GetString()!;
        using var symbols = JsonDocument.Parse(await http.GetStringAsync("/api/symbols"));
        var listed = symbols.RootElement.EnumerateArray().Select(s => s.GetProperty("symbol").GetString()).ToList();
        var example = System.Text.RegularExpressions.Regex.Match(detail, @"\?symbols=([A-Z0-9.,-]+)\.$");
        Assert.True(example.Success, detail);
        Assert.Contains("/api/symbols", detail);
        Assert.All(example.Groups[1].Value.Split(','), s => Assert.Contains(s, listed));
    }

    [Fact]
    public async Task ApiReferencePageIsBrowsable()
    {
        using var http = server.CreateHttpClient();
        using var response = await http.GetAsync("/scalar");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AdminEndpointRefusesEveryoneWhenNoTokenIsConfigured()
    {
        using var http = server.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/market") { Content = JsonContent("{\"state\":\"halted\"}") };
        request.Headers.Authorization = new("Bearer", "anything");
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("no Admin:Token", await response.Content.ReadAsStringAsync());
        Assert.Equal(StockStream.Protocol.MarketState.Open, server.Hub.MarketState);
    }

    [Fact]
    public void AsyncApiDocumentNamesEveryMessage()
    {
        string path = RepositoryFile("docs/asyncapi.yaml");
        string yaml = File.ReadAllText(path);
        Assert.StartsWith("asyncapi: 3.0.0", yaml);
        Assert.DoesNotContain('\t', yaml);
        foreach (string message in (string[])["Subscribe", "Unsubscribe", "Ping", "Hello", "SubAck", "Snapshot", "Ticks", "Pong", "Error", "MarketStatus", "SseTicks", "SseMarket"])
            Assert.Matches($"(?m)^    {message}:$", yaml);
    }

    internal static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private static string RepositoryFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"{relative} not found above {AppContext.BaseDirectory}");
    }
}
