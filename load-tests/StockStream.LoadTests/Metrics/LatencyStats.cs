using HdrHistogram;

namespace StockStream.LoadTests.Metrics;

/// <summary>Latency distribution in milliseconds, as NBomber reports it, plus the percentile curve for charts.</summary>
public sealed record LatencyStats(
    long Count, double MinMs, double MeanMs, double P50Ms, double P75Ms, double P95Ms, double P99Ms, double P999Ms, double MaxMs,
    IReadOnlyList<PercentilePoint> Curve)
{
    public static readonly LatencyStats Empty = new(0, 0, 0, 0, 0, 0, 0, 0, 0, []);

    /// <summary>The percentiles the curve is drawn through: 0 to 99.999 % on a log-of-nines scale.</summary>
    public static readonly double[] CurvePercentiles =
        [0, 10, 25, 50, 75, 80, 90, 95, 97, 98, 99, 99.5, 99.7, 99.9, 99.95, 99.97, 99.99, 99.995, 99.999];

    public static LatencyStats From(HistogramBase histogram)
    {
        if (histogram.TotalCount == 0) return Empty;
        double Ms(double percentile) => histogram.GetValueAtPercentile(percentile) / 1000.0;
        long min = histogram.LowestEquivalentValue(histogram.GetValueAtPercentile(0));
        return new LatencyStats(
            histogram.TotalCount,
            min / 1000.0,
            histogram.GetMean() / 1000.0,
            Ms(50), Ms(75), Ms(95), Ms(99), Ms(99.9),
            histogram.GetMaxValue() / 1000.0,
            [.. CurvePercentiles.Select(p => new PercentilePoint(p, Ms(p)))]);
    }
}
