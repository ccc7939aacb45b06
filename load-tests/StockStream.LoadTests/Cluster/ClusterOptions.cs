using StockStream.LoadTests.Server;

namespace StockStream.LoadTests.Cluster;

/// <summary>What <c>cluster</c> starts: Redis, the nodes and the balancer in front of them.</summary>
public sealed record ClusterOptions
{
    /// <summary>Nodes behind the balancer. Default 3.</summary>
    public int Nodes { get; init; } = 3;

    /// <summary>The balancer's port on localhost. Default 5000.</summary>
    public int Port { get; init; } = 5000;

    /// <summary>Start a node again when it dies. Default true.</summary>
    public bool RestartNodes { get; init; } = true;

    /// <summary>How the nodes are configured (market, limits, extra settings).</summary>
    public ServerSettings Server { get; init; } = new();

    /// <summary>Where the logs and the balancer's configuration go.</summary>
    public required string LogFolder { get; init; }
}
