using StockStream.LoadTests.Server;
using StockStream.Protocol;

namespace StockStream.LoadTests.Scenarios;

/// <summary>How many nodes are started here and how they share the market; named as its scenario is.</summary>
public sealed record Deployment(int Nodes, BackplaneKind Backplane)
{
    public string Name => $"{Nodes}-{(Nodes == 1 ? "node" : "nodes")}-{(Backplane == BackplaneKind.Redis ? "redis" : "inprocess")}";

    public string Description => $"{Nodes} {(Nodes == 1 ? "node" : "nodes")}{(Backplane == BackplaneKind.Redis ? " over Redis" : " in-process")}";
}
