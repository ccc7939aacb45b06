using System.Net.Http.Json;
using System.Text.Json;
using StockStream.Testing;
using StockStream.Tests.Infrastructure;

namespace StockStream.Tests.Backplane;

/// <summary>A Redis of its own and the nodes joined to it; everything is stopped when disposed.</summary>
public sealed class Cluster : IAsyncDisposable
{
    private Cluster(RedisServer redis) => Redis = redis;

    public RedisServer Redis { get; }

    public List<ServerNode> Nodes { get; } = [];

    public static async Task<Cluster> StartAsync(int nodes)
    {
        // Persistent, so a test can restart it and the nodes find their stream again.
        var cluster = new Cluster(await RedisServer.StartAsync(persistent: true));
        for (int i = 0; i < nodes; i++) await cluster.AddNodeAsync();
        return cluster;
    }

    public async Task<ServerNode> AddNodeAsync()
    {
        var node = await ServerNode.StartAsync(Redis);
        Nodes.Add(node);
        return node;
    }

    /// <summary>Waits until some node generates, and returns it: the only one that does.</summary>
    public async Task<ServerNode> GeneratorAsync()
    {
        await ServerNode.FirstGeneratingAsync(Nodes, TimeSpan.FromSeconds(30));
        var generating = await Task.WhenAll(Nodes.Select(n => n.IsGeneratingAsync()));
        return Assert.Single(Nodes.Where((_, i) => generating[i]));
    }

    /// <summary>The first symbols of the catalog, as a node lists them.</summary>
    public static async Task<string[]> SymbolsAsync(IServerEndpoint node, int count)
    {
        using var http = new HttpClient { BaseAddress = node.BaseAddress };
        var symbols = await http.GetFromJsonAsync<JsonElement>("/api/symbols");
        return [.. symbols.EnumerateArray().Take(count).Select(s => s.GetProperty("symbol").GetString()!)];
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Nodes) await node.DisposeAsync();
        await Redis.DisposeAsync();
    }
}
