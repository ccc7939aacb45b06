namespace StockStream.LoadTests.Thresholds;

/// <summary>Whether a threshold's metric must stay at or below its limit, or reach at least it.</summary>
public enum ThresholdComparison
{
    AtMost,
    AtLeast,
}
