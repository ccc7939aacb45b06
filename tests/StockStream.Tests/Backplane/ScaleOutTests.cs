using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using StockStream.Protocol;
using StockStream.Tests.Infrastructure;
using Xunit.Abstractions;

namespace StockStream.Tests.Backplane;

/// <summary>Several node processes and one real Redis on loopback: one market, whichever node a client talks to.</summary>
[Collection(ScaleOutCollection.Name)]
public class ScaleOutTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Failover = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task ClientsOnDifferentNodesReceiveTheSameTicksInOneEpoch()
    {
        await using var cluster = await Cluster.StartAsync(nodes: 2);
        var symbols = await Cluster.SymbolsAsync(cluster.Nodes[0], 5);
        await using var onA = await cluster.Nodes[0].ConnectAsync();
        await using var onB = await cluster.Nodes[1].ConnectAsync();
        Assert.Equal(onA.Hello.Epoch, onB.Hello.Epoch);

        var tapeA = await TickTape.StartAsync(onA, symbols);
        var tapeB = await TickTape.StartAsync(onB, symbols);
        await tapeA.ReadTicksAsync(300);
        await tapeB.ReadTicksAsync(300);

        var seenOnA = tapeA.Ticks.ToDictionary(t => (t.Symbol, t.Seq));
        var seenOnBoth = tapeB.Ticks.Where(t => seenOnA.ContainsKey((t.Symbol, t.Seq))).ToList();
        Assert.True(seenOnBoth.Count >= 200, $"only {seenOnBoth.Count} ticks were seen on both nodes");
        Assert.All(seenOnBoth, t => Assert.Equal(seenOnA[(t.Symbol, t.Seq)], t));
    }

    [Fact]
    public async Task MarketStateIsSharedAndAJoiningNodeHasTheSameQuotesAndHistory()
    {
        await using var cluster = await Cluster.StartAsync(nodes: 2);
        var symbols = await Cluster.SymbolsAsync(cluster.Nodes[0], 20);
        await using var onB = await cluster.Nodes[1].ConnectAsync();
        var tape = await TickTape.StartAsync(onB, symbols);
        await tape.ReadTicksAsync(100);

        await SetMarketAsync(cluster.Nodes[0], "closed");
        await tape.ReadUntilMarketAsync(MarketState.Closed);
        int ticksAtClose = tape.Ticks.Count;

        var joined = await cluster.AddNodeAsync();
        string quotes = await GetAsync(cluster.Nodes[0], $"/api/quotes?symbols={string.Join(',', symbols)}");
        Assert.Equal(quotes, await GetAsync(cluster.Nodes[1], $"/api/quotes?symbols={string.Join(',', symbols)}"));
        Assert.Equal(quotes, await GetAsync(joined, $"/api/quotes?symbols={string.Join(',', symbols)}"));
        foreach (string symbol in symbols.Take(3))
        {
            Assert.Equal(await GetAsync(cluster.Nodes[0], $"/api/history/{symbol}"), await GetAsync(joined, $"/api/history/{symbol}"));
            Assert.Equal(await GetAsync(cluster.Nodes[0], $"/api/candles/{symbol}"), await GetAsync(joined, $"/api/candles/{symbol}"));
        }

        await SetMarketAsync(joined, "open");
        await tape.ReadUntilMarketAsync(MarketState.Open);
        Assert.Equal(ticksAtClose, tape.Ticks.Count); // no trade while closed, whichever node generates
        await tape.ReadTicksAsync(50);
    }

    [Fact]
    public async Task WhenTheGeneratingNodeDiesAnotherContinuesTheSameSeqs()
    {
        await using var cluster = await Cluster.StartAsync(nodes: 3);
        var generator = await cluster.GeneratorAsync();
        var survivors = cluster.Nodes.Where(n => n != generator).ToList();
        var symbols = await Cluster.SymbolsAsync(survivors[0], 5);
        var clients = new List<ProtocolClient>();
        var tapes = new List<TickTape>();
        foreach (var node in survivors)
        {
            var client = await node.ConnectAsync();
            clients.Add(client);
            tapes.Add(await TickTape.StartAsync(client, symbols));
        }
        try
        {
            foreach (var tape in tapes) await tape.ReadTicksAsync(100);
            long killedAt = UnixTime.NowMicroseconds(TimeProvider.System);
            var sinceKill = Stopwatch.StartNew();
            await generator.KillAsync();

            await ServerNode.FirstGeneratingAsync(survivors, Failover);
            var leaseTaken = sinceKill.Elapsed;
            while (tapes[0].Ticks[^1].Time <= killedAt) await tapes[0].ReadTicksAsync(1);
            var ticking = sinceKill.Elapsed;
            output.WriteLine($"Failover: lease taken {leaseTaken.TotalMilliseconds:F0} ms after the kill, ticks again after {ticking.TotalMilliseconds:F0} ms");
            Assert.True(ticking < Failover, $"ticks resumed only {ticking} after the generating node died");

            // Seqs ran on without a gap or a repeat (the tapes check that as they read), the same on both nodes.
            foreach (var tape in tapes) await tape.ReadTicksAsync(100);
            var seenFirst = tapes[0].Ticks.ToDictionary(t => (t.Symbol, t.Seq));
            Assert.All(tapes[1].Ticks.Where(t => seenFirst.ContainsKey((t.Symbol, t.Seq))), t => Assert.Equal(seenFirst[(t.Symbol, t.Seq)], t));
        }
        finally
        {
            foreach (var client in clients) await client.DisposeAsync();
        }
    }

    [Fact]
    public async Task AClientMovingToAnotherNodeResumesWithoutAGap()
    {
        await using var cluster = await Cluster.StartAsync(nodes: 2);
        var (a, b) = (cluster.Nodes[0], cluster.Nodes[1]);
        var symbols = await Cluster.SymbolsAsync(a, 3);

        Dictionary<string, ulong> lastSeen;
        string epoch;
        await using (var onA = await a.ConnectAsync())
        {
            var tape = await TickTape.StartAsync(onA, symbols);
            await tape.ReadTicksAsync(50);
            lastSeen = new Dictionary<string, ulong>(tape.LastSeqs);
            epoch = onA.Hello.Epoch;
        }

        // A long-poll cursor from A is good on B: B answers with exactly the ticks after it.
        var started = await a.PollAsync(symbols);
        var next = await b.PollAsync(symbols, started.Cursor);
        Assert.False(next.Missed);
        Assert.Equal(started.Epoch, next.Epoch);
        Assert.NotEmpty(next.Ticks);
        foreach (var quote in started.Quotes)
        {
            ulong expected = quote.Seq + 1;
            foreach (var tick in next.Ticks.Where(t => t.Symbol == quote.Symbol)) Assert.Equal(expected++, tick.Seq);
        }

        // The WebSocket client left A a while ago; on B it resumes where it stopped.
        await using var onB = await b.ConnectAsync();
        Assert.Equal(epoch, onB.Hello.Epoch);
        var resumed = await TickTape.StartAsync(onB, symbols, lastSeen);
        await resumed.ReadTicksAsync(100);
        Assert.All(symbols, s => Assert.True(resumed.LastSeqs[s] >= lastSeen[s]));
    }

    [Fact]
    public async Task LosingRedisHaltsTheMarketAndStreamingResumesWithoutLossWhenItReturns()
    {
        await using var cluster = await Cluster.StartAsync(nodes: 2);
        var symbols = await Cluster.SymbolsAsync(cluster.Nodes[0], 5);
        await using var onA = await cluster.Nodes[0].ConnectAsync();
        await using var onB = await cluster.Nodes[1].ConnectAsync();
        var tapes = new[] { await TickTape.StartAsync(onA, symbols), await TickTape.StartAsync(onB, symbols) };
        foreach (var tape in tapes) await tape.ReadTicksAsync(50);

        await cluster.Redis.KillAsync();
        foreach (var tape in tapes) await tape.ReadUntilMarketAsync(MarketState.Halted);
        foreach (var node in cluster.Nodes) Assert.Equal(HttpStatusCode.ServiceUnavailable, await HealthAsync(node));

        await cluster.Redis.RestartAsync();
        foreach (var tape in tapes) await tape.ReadUntilMarketAsync(MarketState.Open);
        foreach (var tape in tapes) await tape.ReadTicksAsync(100); // contiguous seqs: nothing was lost
        foreach (var node in cluster.Nodes) Assert.Equal(HttpStatusCode.OK, await HealthAsync(node));
    }

    private static async Task SetMarketAsync(ServerNode node, string state)
    {
        using var http = new HttpClient { BaseAddress = node.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ServerNode.AdminToken);
        using var response = await http.PostAsJsonAsync("/api/admin/market", new { state });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<string> GetAsync(ServerNode node, string path)
    {
        using var http = new HttpClient { BaseAddress = node.BaseAddress };
        using var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<HttpStatusCode> HealthAsync(ServerNode node)
    {
        using var http = new HttpClient { BaseAddress = node.BaseAddress };
        using var response = await http.GetAsync("/healthz");
        return response.StatusCode;
    }
}
