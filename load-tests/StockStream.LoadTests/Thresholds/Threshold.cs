using StockStream.LoadTests.Metrics;

namespace StockStream.LoadTests.Thresholds;

/// <summary>
/// A condition on a scenario's statistics that fails the run when not met, as NBomber's
/// <c>Threshold.Create(stats => ...)</c>; named and with its limit, so the report shows what was expected and what came.
/// </summary>
public sealed record Threshold(string Name, Func<ScenarioStats, double> Metric, ThresholdComparison Comparison, double Limit, string Format = "0.###")
{
    public static Threshold MaxErrors(long limit) => new("errors", s => s.Errors, ThresholdComparison.AtMost, limit, "0");

    public static Threshold MinDelivery(double ratio) => new("delivered / expected", s => s.Delivery.Ratio, ThresholdComparison.AtLeast, ratio, "0.0000");

    public static Threshold MaxGapTicks(long limit) => new("seq gaps (ticks)", s => s.Delivery.GapTicks, ThresholdComparison.AtMost, limit, "0");

    public static Threshold MaxOutOfOrder(long limit) => new("ticks out of order", s => s.Delivery.OutOfOrder, ThresholdComparison.AtMost, limit, "0");

    public static Threshold MinTicks(long count) => new("ticks received", s => s.Ticks, ThresholdComparison.AtLeast, count, "0");

    public static Threshold MaxP99Ms(double ms) => new("tick age p99 (ms)", s => s.TickAge.P99Ms, ThresholdComparison.AtMost, ms, "0.00");

    public static Threshold MaxResynced(long limit) => new("ticks skipped by a resync", s => s.Delivery.ResyncedTicks, ThresholdComparison.AtMost, limit, "0");

    public static Threshold MinReconnects(long count) => new("streams resumed after a drop", s => s.Reconnects, ThresholdComparison.AtLeast, count, "0");

    /// <summary>Checks the scenario; a metric that is not a number fails.</summary>
    public ThresholdResult Evaluate(ScenarioStats stats)
    {
        double actual = Metric(stats);
        bool passed = !double.IsNaN(actual) && Comparison switch
        {
            ThresholdComparison.AtMost => actual <= Limit,
            ThresholdComparison.AtLeast => actual >= Limit,
            _ => false,
        };
        return new ThresholdResult(stats.Name, this, actual, passed);
    }

    public string Describe() => $"{Name} {(Comparison == ThresholdComparison.AtMost ? "≤" : "≥")} {Limit.ToString(Format, System.Globalization.CultureInfo.InvariantCulture)}";
}
