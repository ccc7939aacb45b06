using StockStream.LoadTests.Metrics;
using StockStream.LoadTests.Thresholds;

namespace StockStream.LoadTests.Scenarios;

/// <summary>What a command measured: all its scenarios, those the thresholds judge, its findings and notes.</summary>
public sealed record RunResult(IReadOnlyList<ScenarioStats> Scenarios, IReadOnlyList<ScenarioStats> Checked)
{
    public IReadOnlyList<KeyValuePair<string, string>> Findings { get; init; } = [];
    public IReadOnlyList<string> Notes { get; init; } = [];
    /// <summary>False for idle connections, which receive no ticks: only error thresholds apply.</summary>
    public bool ChecksDelivery { get; init; } = true;
    /// <summary>Thresholds the command judged itself (e.g. one scenario against another), beside the options' thresholds.</summary>
    public IReadOnlyList<ThresholdResult> ThresholdResults { get; init; } = [];
    /// <summary>Something the command should have measured could not run: the run fails whatever the thresholds say.</summary>
    public bool Incomplete { get; init; }
}
