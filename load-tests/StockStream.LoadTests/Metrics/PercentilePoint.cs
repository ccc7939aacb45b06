namespace StockStream.LoadTests.Metrics;

/// <summary>One point of a latency percentile curve: the percentile (0–100) and its latency in ms.</summary>
public readonly record struct PercentilePoint(double Percentile, double LatencyMs);
