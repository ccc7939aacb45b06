namespace StockStream.LoadTests.Metrics;

/// <summary>One second (or so) of a scenario: load, throughput, tick age and resources, for the live display and the timeline chart.</summary>
public sealed record TimelinePoint(
    double Seconds, long Clients, double TicksPerSecond, double BytesPerSecond, double P50Ms, double P99Ms, double MaxMs,
    long Errors, double? ServerCores, double? ServerRssMb, double ClientCores, double ClientAllocatedBytesPerTick = 0);
