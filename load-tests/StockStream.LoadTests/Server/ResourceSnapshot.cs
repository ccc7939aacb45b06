namespace StockStream.LoadTests.Server;

/// <summary>CPU time used so far and resident memory, of the server (when it can be seen) and of this client, at one moment.</summary>
/// <remarks><see cref="MachineBusy"/> is the CPU time every process of this machine used (from /proc/stat), to show other load.</remarks>
public readonly record struct ResourceSnapshot(DateTime At, TimeSpan? ServerCpu, long? ServerRssBytes, TimeSpan ClientCpu, long ClientRssBytes, TimeSpan? MachineBusy, long ClientAllocatedBytes)
{
    /// <summary>Each node's CPU time, when the server is several nodes; null for one.</summary>
    public IReadOnlyList<TimeSpan?>? NodeCpu { get; init; }

    /// <summary>Each node's resident memory, when the server is several nodes; null for one.</summary>
    public IReadOnlyList<long?>? NodeRssBytes { get; init; }

    /// <summary>CPU time of the Redis backplane started here; null when there is none.</summary>
    public TimeSpan? RedisCpu { get; init; }

    /// <summary>CPU time of the balancers started here, summed; null when there are none.</summary>
    public TimeSpan? BalancerCpu { get; init; }

    public static ResourceSnapshot Client(DateTime at, TimeSpan? serverCpu = null, long? serverRss = null) =>
        new(at, serverCpu, serverRss, Environment.CpuUsage.TotalTime, Environment.WorkingSet, MachineCpu.BusyTime(), GC.GetTotalAllocatedBytes());

    /// <summary>Average cores the server used between <paramref name="earlier"/> and this snapshot; null when unknown.</summary>
    public double? ServerCoresSince(ResourceSnapshot earlier) => CoresSince(earlier, ServerCpu, earlier.ServerCpu);

    /// <summary>Average cores each node used; empty for a server of one node.</summary>
    public IReadOnlyList<double?> NodeCoresSince(ResourceSnapshot earlier)
    {
        if (NodeCpu is not { } now || earlier.NodeCpu is not { } then || now.Count != then.Count) return [];
        var cores = new double?[now.Count];
        for (int i = 0; i < cores.Length; i++) cores[i] = CoresSince(earlier, now[i], then[i]);
        return cores;
    }

    /// <summary>Average cores the Redis backplane used; null when there is none here.</summary>
    public double? RedisCoresSince(ResourceSnapshot earlier) => CoresSince(earlier, RedisCpu, earlier.RedisCpu);

    /// <summary>Average cores the balancers used; null when there are none here.</summary>
    public double? BalancerCoresSince(ResourceSnapshot earlier) => CoresSince(earlier, BalancerCpu, earlier.BalancerCpu);

    /// <summary>Average cores all processes of this machine used; null when unknown.</summary>
    public double? MachineCoresSince(ResourceSnapshot earlier) => CoresSince(earlier, MachineBusy, earlier.MachineBusy);

    /// <summary>Average cores this client used between <paramref name="earlier"/> and this snapshot.</summary>
    public double ClientCoresSince(ResourceSnapshot earlier) =>
        At > earlier.At ? (ClientCpu - earlier.ClientCpu) / (At - earlier.At) : 0;

    private double? CoresSince(ResourceSnapshot earlier, TimeSpan? now, TimeSpan? then) =>
        now is { } n && then is { } t && At > earlier.At ? (n - t) / (At - earlier.At) : null;
}
