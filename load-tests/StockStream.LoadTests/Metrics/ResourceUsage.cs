namespace StockStream.LoadTests.Metrics;

/// <summary>
/// CPU (average cores) and memory (MiB) the server and this client used during a scenario; <see cref="OtherCores"/> is what the
/// rest of the machine used; <see cref="ClientAllocatedBytesPerTick"/> is the client's steady-state allocation (median of its seconds).
/// </summary>
public sealed record ResourceUsage(
    double? ServerCores, double? ServerRssStartMb, double? ServerRssPeakMb, double? ServerRssEndMb,
    double ClientCores, double ClientPeakCores, string ServerSource, double? OtherCores = null, double ClientAllocatedBytesPerTick = 0)
{
    /// <summary>Each node's average cores when the server is several nodes (or one beside a Redis started here); empty otherwise.</summary>
    public IReadOnlyList<double?> ServerCoresPerNode { get; init; } = [];

    /// <summary>Average cores of the Redis backplane started here, apart from <see cref="ServerCores"/>; null when there is none.</summary>
    public double? RedisCores { get; init; }

    /// <summary>Average cores of the balancers started here, apart from <see cref="ServerCores"/>; null when there are none.</summary>
    public double? BalancerCores { get; init; }

    public static readonly ResourceUsage Empty = new(null, null, null, null, 0, 0, "not available");

    /// <summary>Above this share of one core's worth per client core available, the client may be what limits the run.</summary>
    public const double ClientSaturationCores = 0.9;

    /// <summary>Other processes' average cores from which a run counts as disturbed: a tenth of the machine, at least a quarter core.</summary>
    public static double BusyMachineCores => Math.Max(0.25, 0.1 * Environment.ProcessorCount);

    /// <summary>True when other processes used enough CPU during the run to move its latency and CPU figures.</summary>
    public bool MachineBusy => OtherCores >= BusyMachineCores;

    /// <summary>True when the client used about a core or more: on a machine it shares with the server, it may have been the bottleneck.</summary>
    public bool ClientSaturated => ClientCores >= ClientSaturationCores * Math.Max(1, Environment.ProcessorCount / 2);
}
