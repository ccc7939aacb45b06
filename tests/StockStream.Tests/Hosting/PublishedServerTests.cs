using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using StockStream.Protocol.Messages;
using StockStream.Tests.Infrastructure;

namespace StockStream.Tests.Hosting;

/// <summary>A published server ships the web app: its dll alone serves the page, its assets, the API and the stream.</summary>
[Collection(nameof(PublishedServerTests))]
public partial class PublishedServerTests(PublishedServer server) : IClassFixture<PublishedServer>
{
    [Fact]
    public void ThePublishOutputHoldsTheBuiltApp()
    {
        string app = Path.Combine(server.OutputFolder, "wwwroot");
        Assert.True(File.Exists(Path.Combine(app, "index.html")), $"no index.html in {app}");
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(app, "assets"), "*.js"));
    }

    [Fact]
    public void ThePublishedRuntimeConfigTurnsTheThreadPoolsSpinningOff()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(server.OutputFolder, "StockStream.Server.runtimeconfig.json")));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.Equal(0, properties.GetProperty("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit").GetInt32());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/some/client/route")]
    public async Task ServesThePage(string path)
    {
        using var http = server.CreateHttpClient();
        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        string page = await response.Content.ReadAsStringAsync();
        Assert.Contains("<div id=\"root\"></div>", page);
        Assert.NotEmpty(AssetLinks().Matches(page));
    }

    [Fact]
    public async Task ServesEveryAssetThePageLinks()
    {
        using var http = server.CreateHttpClient();
        string page = await http.GetStringAsync("/");

        foreach (string asset in AssetLinks().Matches(page).Select(m => m.Groups[1].Value))
        {
            using var response = await http.GetAsync(asset);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset}: {(int)response.StatusCode}");
            string expected = asset.EndsWith(".css", StringComparison.Ordinal) ? "text/css" : "text/javascript";
            Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
            Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task ServesTheApiAsJsonNotThePage()
    {
        using var http = server.CreateHttpClient();
        using var response = await http.GetAsync("/api/symbols");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var symbols = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(20, symbols.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task StreamsTicksOverTheWebSocket()
    {
        using var http = server.CreateHttpClient();
        using var symbols = JsonDocument.Parse(await http.GetStringAsync("/api/symbols"));
        string all = string.Join(',', symbols.RootElement.EnumerateArray().Select(i => i.GetProperty("symbol").GetString()));

        await using var client = await server.ConnectAsync(query: $"symbols={all}");
        var (snapshot, _) = await client.ReceiveUntilAsync<SnapshotMessage>();
        Assert.NotEmpty(snapshot.Quotes);
        var (ticks, _) = await client.ReceiveUntilAsync<TicksMessage>();
        Assert.NotEmpty(ticks.Ticks);
    }

    [GeneratedRegex("(?:src|href)=\"(/assets/[^\"]+)\"")]
    private static partial Regex AssetLinks();
}

/// <summary>
/// Publishing builds the server and the web app (tsc, vite) on the same two cores as everything else: alone, it takes
/// about 25 s; among the parallel tests it can take minutes.
/// </summary>
[CollectionDefinition(nameof(PublishedServerTests), DisableParallelization = true)]
public sealed class PublishedServerCollection;
