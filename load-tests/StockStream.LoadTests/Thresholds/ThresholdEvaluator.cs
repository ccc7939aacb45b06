using StockStream.LoadTests.Metrics;

namespace StockStream.LoadTests.Thresholds;

/// <summary>Checks every threshold against every scenario; the run fails when any result did not pass.</summary>
public static class ThresholdEvaluator
{
    public static IReadOnlyList<ThresholdResult> Evaluate(IEnumerable<ScenarioStats> scenarios, IReadOnlyList<Threshold> thresholds) =>
        [.. scenarios.SelectMany(stats => thresholds.Select(threshold => threshold.Evaluate(stats)))];

    public static bool AllPassed(IEnumerable<ThresholdResult> results) => results.All(r => r.Passed);
}
