using StockStream.LoadTests.Engine;

namespace StockStream.LoadTests.Scenarios;

/// <summary>Spreads clients over the server's nodes round-robin: client i streams from node i mod N, whatever its transport.</summary>
public static class NodeSpread
{
    public static int NodeOf(int instanceNumber, int nodes) => instanceNumber % nodes;

    /// <summary>One scenario step from one client per node: each copy runs the client of its node.</summary>
    public static Func<ScenarioContext, Task<Response>> RoundRobin(IReadOnlyList<Func<ScenarioContext, Task<Response>>> clientPerNode) =>
        clientPerNode.Count == 1 ? clientPerNode[0] : context => clientPerNode[NodeOf(context.InstanceNumber, clientPerNode.Count)](context);
}
