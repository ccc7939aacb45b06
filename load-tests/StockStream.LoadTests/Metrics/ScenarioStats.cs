namespace StockStream.LoadTests.Metrics;

/// <summary>
/// One scenario's results in NBomber's terms — count, ok/fail, rate, data transferred, latency percentiles —
/// plus what streaming adds: tick age, delivery and seq continuity, connects, and resources.
/// </summary>
public sealed record ScenarioStats
{
    public required string Name { get; init; }
    public required string Transport { get; init; }
    public required int PeakClients { get; init; }
    public required double DurationSeconds { get; init; }
    /// <summary>Sessions that ended without an error.</summary>
    public required long SessionsOk { get; init; }
    public required long Errors { get; init; }
    public required IReadOnlyDictionary<string, long> ErrorsByKind { get; init; }
    /// <summary>Ticks received inside the measurement window.</summary>
    public required long Ticks { get; init; }
    public required long Frames { get; init; }
    public required long BytesReceived { get; init; }
    public required long BytesSent { get; init; }
    public required long Requests { get; init; }
    public required long ConnectionsOpened { get; init; }
    /// <summary>Receive time minus tick time.</summary>
    public required LatencyStats TickAge { get; init; }
    public required LatencyStats ConnectTime { get; init; }
    /// <summary>Ticks whose age came out negative: clocks disagree (recorded as 0).</summary>
    public required long NegativeAges { get; init; }
    public required DeliveryStats Delivery { get; init; }
    public required ResourceUsage Resources { get; init; }
    public required IReadOnlyList<TimelinePoint> Timeline { get; init; }
    /// <summary>The server's own metrics (product, GC, thread pool, Kestrel): counters' change during the scenario, gauges' last value. Empty without /metrics.</summary>
    public IReadOnlyDictionary<string, double> ServerMetrics { get; init; } = new Dictionary<string, double>();

    /// <summary>Connections that dropped under reconnecting clients, and streams resumed after a drop. 0 without --reconnect.</summary>
    public long Drops { get; init; }
    public long Reconnects { get; init; }

    /// <summary>What the run found beyond the columns (a node killed: recovery; connections and memory per node). Empty by default.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Findings { get; init; } = [];

    public double TicksPerSecond => DurationSeconds > 0 ? Ticks / DurationSeconds : 0;

    /// <summary>Bytes read from the sockets per tick delivered, headers and framing included.</summary>
    public double BytesPerTick => Ticks > 0 ? (double)BytesReceived / Ticks : 0;

    /// <summary>Bytes on the sockets in both directions per tick delivered: what a tick costs the network, requests included.</summary>
    public double WireBytesPerTick => Ticks > 0 ? (double)(BytesReceived + BytesSent) / Ticks : 0;

    /// <summary>The server's CPU time per tick delivered, µs; null without the server's CPU.</summary>
    public double? ServerMicrosPerTick => Resources.ServerCores is { } cores && Ticks > 0 ? cores * DurationSeconds / Ticks * 1e6 : null;

    /// <summary>The server's RSS growth during the scenario per client at its peak, KiB; null without the server's RSS.</summary>
    public double? ServerKibPerClient => Resources is { ServerRssStartMb: { } start, ServerRssPeakMb: { } peak } && PeakClients > 0
        ? (peak - start) * 1024 / PeakClients
        : null;

    public double MegabytesReceived => BytesReceived / 1048576.0;
}
