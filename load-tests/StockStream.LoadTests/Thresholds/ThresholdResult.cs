using System.Globalization;

namespace StockStream.LoadTests.Thresholds;

/// <summary>One threshold checked against one scenario.</summary>
public sealed record ThresholdResult(string Scenario, Threshold Threshold, double Actual, bool Passed)
{
    public string ActualText => double.IsNaN(Actual) ? "n/a" : Actual.ToString(Threshold.Format, CultureInfo.InvariantCulture);
}
