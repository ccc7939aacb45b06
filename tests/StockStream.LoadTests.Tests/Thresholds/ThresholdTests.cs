using StockStream.LoadTests.Cli;
using StockStream.LoadTests.Thresholds;

namespace StockStream.LoadTests.Tests.Thresholds;

public class ThresholdTests
{
    [Fact]
    public void PassesWhenEveryLimitHolds()
    {
        var results = ThresholdEvaluator.Evaluate([SampleStats.Create()],
            [Threshold.MaxErrors(0), Threshold.MinDelivery(0.99), Threshold.MaxGapTicks(0), Threshold.MaxP99Ms(200)]);

        Assert.Equal(4, results.Count);
        Assert.True(ThresholdEvaluator.AllPassed(results));
    }

    [Fact]
    public void FailsTheScenarioThatBreaksALimitAndReportsItsActualValue()
    {
        var results = ThresholdEvaluator.Evaluate([SampleStats.Create("ws"), SampleStats.Create("sse", errors: 3)], [Threshold.MaxErrors(0)]);

        var failed = Assert.Single(results, r => !r.Passed);
        Assert.Equal("sse", failed.Scenario);
        Assert.Equal("3", failed.ActualText);
        Assert.False(ThresholdEvaluator.AllPassed(results));
    }

    [Fact]
    public void FailsDeliveryBelowTheRatio()
    {
        var result = Threshold.MinDelivery(0.99).Evaluate(SampleStats.Create(deliverAll: false));

        Assert.False(result.Passed);
        Assert.Equal(0.5, result.Actual, precision: 6);
    }

    [Fact]
    public void FailsP99AboveTheLimit()
    {
        var result = Threshold.MaxP99Ms(50).Evaluate(SampleStats.Create(agesMs: [1, 2, 300]));

        Assert.False(result.Passed);
        Assert.True(result.Actual >= 299);
    }

    [Fact]
    public void TreatsAMetricThatIsNotANumberAsFailed()
    {
        var threshold = new Threshold("broken", _ => double.NaN, ThresholdComparison.AtMost, 1);

        var result = threshold.Evaluate(SampleStats.Create());

        Assert.False(result.Passed);
        Assert.Equal("n/a", result.ActualText);
    }

    [Fact]
    public void SmokeAsksForZeroErrorsFullDeliveryAndContinuity()
    {
        var thresholds = LoadTestApp.Thresholds(new RunOptions { Smoke = true, MaxErrors = 0, MinDelivery = 0.99, MaxGapTicks = 0 }, checksDelivery: true);

        Assert.Equal(["errors ≤ 0", "ticks received ≥ 1", "delivered / expected ≥ 0.9900", "seq gaps (ticks) ≤ 0", "ticks out of order ≤ 0"],
            thresholds.Select(t => t.Describe()));
    }

    [Fact]
    public void IdleConnectionsAreJudgedOnErrorsOnly()
    {
        var thresholds = LoadTestApp.Thresholds(new RunOptions { Smoke = true, MaxErrors = 0, MinDelivery = 0.99 }, checksDelivery: false);

        Assert.Equal(["errors ≤ 0"], thresholds.Select(t => t.Describe()));
    }
}
