namespace StockStream.LoadTests.Server;

/// <summary>
/// Reads the resources of a server made of several nodes: CPU and memory summed over the nodes, each node's kept,
/// and the CPU of the Redis backplane and of the balancers when they run here (reported apart from the server's).
/// </summary>
public sealed class ClusterProbe(IReadOnlyList<IServerProbe> nodes, IServerProbe? redis) : IServerProbe
{
    /// <summary>The HAProxy processes in front of the nodes, read like Redis: apart from the server. Default none.</summary>
    public IReadOnlyList<IServerProbe> Balancers { get; init; } = [];

    public string Source => string.Join(" + ", nodes.Select(n => n.Source)) + (redis is null ? "" : $"; Redis {redis.Source}")
        + (Balancers.Count == 0 ? "" : $"; balancers {string.Join(" + ", Balancers.Select(b => b.Source))}");

    /// <summary>True when every node runs on this machine, so the machine's CPU can be split into server, client and others.</summary>
    public bool OnThisMachine => nodes.All(n => n is ProcStatProbe);

    public async Task<ResourceSnapshot> SampleAsync(CancellationToken cancellationToken)
    {
        var samples = await Task.WhenAll(nodes.Select(n => n.SampleAsync(cancellationToken)));
        ResourceSnapshot? redisSample = redis is null ? null : await redis.SampleAsync(cancellationToken);
        var balancers = await Task.WhenAll(Balancers.Select(b => b.SampleAsync(cancellationToken)));
        return Combine(DateTime.UtcNow, samples, redisSample, balancers);
    }

    /// <summary>One snapshot of the nodes together: CPU and RSS summed (unknown when any node's is), the client's own figures now.</summary>
    public static ResourceSnapshot Combine(DateTime at, IReadOnlyList<ResourceSnapshot> nodes, ResourceSnapshot? redis, IReadOnlyList<ResourceSnapshot>? balancers = null)
    {
        TimeSpan? cpu = nodes.All(n => n.ServerCpu is not null) ? nodes.Aggregate(TimeSpan.Zero, (sum, n) => sum + n.ServerCpu!.Value) : null;
        long? rss = nodes.All(n => n.ServerRssBytes is not null) ? nodes.Sum(n => n.ServerRssBytes!.Value) : null;
        TimeSpan? balancerCpu = balancers is { Count: > 0 } && balancers.All(b => b.ServerCpu is not null)
            ? balancers.Aggregate(TimeSpan.Zero, (sum, b) => sum + b.ServerCpu!.Value) : null;
        return ResourceSnapshot.Client(at, cpu, rss) with
        {
            NodeCpu = [.. nodes.Select(n => n.ServerCpu)],
            NodeRssBytes = [.. nodes.Select(n => n.ServerRssBytes)],
            RedisCpu = redis?.ServerCpu,
            BalancerCpu = balancerCpu,
        };
    }
}
