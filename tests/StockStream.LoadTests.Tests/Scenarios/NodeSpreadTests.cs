using StockStream.LoadTests.Engine;
using StockStream.LoadTests.Metrics;
using StockStream.LoadTests.Scenarios;
using StockStream.LoadTests.Wire;

namespace StockStream.LoadTests.Tests.Scenarios;

public class NodeSpreadTests
{
    [Fact]
    public void ClientIStreamsFromNodeIModN() =>
        Assert.Equal([0, 1, 2, 0, 1, 2, 0], Enumerable.Range(0, 7).Select(i => NodeSpread.NodeOf(i, 3)));

    [Fact]
    public async Task EachCopyRunsTheClientOfItsNode()
    {
        var ran = new List<(int Node, int Instance)>();
        Func<ScenarioContext, Task<Response>> ClientOf(int node) => context =>
        {
            ran.Add((node, context.InstanceNumber));
            return Task.FromResult(Response.Ok());
        };
        var step = NodeSpread.RoundRobin([ClientOf(0), ClientOf(1)]);
        var measurements = new ScenarioMeasurements(new SymbolTable(["AAPL"]), new MeasurementWindow());

        for (int i = 0; i < 5; i++) await step(new ScenarioContext(i, measurements, CancellationToken.None));

        Assert.Equal([(0, 0), (1, 1), (0, 2), (1, 3), (0, 4)], ran);
    }

    [Fact]
    public void OneNodeGetsItsClientAsIs()
    {
        Func<ScenarioContext, Task<Response>> client = _ => Task.FromResult(Response.Ok());

        Assert.Same(client, NodeSpread.RoundRobin([client]));
    }
}
