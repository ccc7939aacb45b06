using StockStream.LoadTests.Cli;
using StockStream.LoadTests.Metrics;
using StockStream.LoadTests.Scenarios;
using StockStream.LoadTests.Server;
using StockStream.Protocol;

namespace StockStream.LoadTests.Tests.Scenarios;

public class ScaleOutRunTests
{
    [Fact]
    public void RunsOneNodeInProcessThenOneAndTwoNodesOverRedis() =>
        Assert.Equal(["1-node-inprocess", "1-node-redis", "2-nodes-redis"], ScaleOutRun.Deployments.Select(d => d.Name));

    [Fact]
    public void BackplaneCostIsOneNodeOverRedisMinusOneNodeInProcess()
    {
        var costs = ScaleOutRun.Costs(
        [
            Stats("1-node-inprocess", [1, 2, 3, 4, 10], cores: 0.40),
            Stats("1-node-redis", [2, 3, 4, 5, 12], cores: 0.50, redis: 0.05),
            Stats("2-nodes-redis", [2, 3, 5, 6, 14], cores: 0.70, redis: 0.06, perNode: [0.35, 0.35]),
        ]).ToDictionary(kv => kv.Key, kv => kv.Value);

        Assert.Equal("+1.00 / +2.00 ms", costs["backplane cost (1 node over Redis − 1 node in-process): tick age p50 / p99"]);
        Assert.Equal("+0.10 cores, Redis 0.05 cores beside", costs["backplane cost (1 node over Redis − 1 node in-process): server CPU"]);
        Assert.Equal("0", costs["backplane cost (1 node over Redis − 1 node in-process): delivered ticks/s"]);
        Assert.Equal("+1.00 / +2.00 ms", costs["second node (2 nodes − 1 node, over Redis): tick age p50 / p99"]);
    }

    [Fact]
    public void NoCostWithoutBothDeploymentsToCompare() =>
        Assert.Empty(ScaleOutRun.Costs([Stats("1-node-inprocess", [1], cores: 0.4), Stats("2-nodes-redis", [2], cores: 0.6)]));

    [Theory]
    [InlineData("http://127.0.0.1:5001", 1, BackplaneKind.InProcess, "scale-out starts its own nodes and Redis")]
    [InlineData(null, 2, BackplaneKind.Redis, "scale-out starts 1 node in-process")]
    public void RefusesOptionsThatWouldChooseTheNodesForIt(string? url, int nodes, BackplaneKind backplane, string reason)
    {
        var options = new RunOptions { Urls = url is null ? [] : [new Uri(url)], Nodes = nodes, Backplane = backplane };

        Assert.StartsWith(reason, new ScaleOutRun().WhyItCannotRun(options));
    }

    private static ScenarioStats Stats(string name, double[] agesMs, double cores, double? redis = null, double?[]? perNode = null) =>
        SampleStats.Create(name, agesMs: agesMs) with
        {
            Resources = new ResourceUsage(cores, 100, 120, 110, 0.2, 0.3, "/proc/1") { RedisCores = redis, ServerCoresPerNode = perNode ?? [] },
        };
}
