using StockStream.LoadTests.Metrics;
using StockStream.LoadTests.Thresholds;

namespace StockStream.LoadTests.Reports;

/// <summary>Everything one run of the tool produced, as the HTML, Markdown and CSV reports present it.</summary>
public sealed record RunReport
{
    /// <summary>The command: ws, ws-json, sse, long-poll, compare, connections, slow-consumer, capacity or scale-out.</summary>
    public required string Command { get; init; }
    public required string CommandLine { get; init; }
    public required DateTime StartedUtc { get; init; }
    public required IReadOnlyList<KeyValuePair<string, string>> Settings { get; init; }
    public required IReadOnlyList<ScenarioStats> Scenarios { get; init; }
    public IReadOnlyList<ThresholdResult> Thresholds { get; init; } = [];
    /// <summary>What the command concluded, e.g. memory per connection or the capacity knee.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Findings { get; init; } = [];
    /// <summary>Skipped transports, warnings such as a saturated client.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>A part of the run that should have been measured could not be (e.g. a deployment did not start).</summary>
    public bool Incomplete { get; init; }

    public bool Passed => !Incomplete && Thresholds.All(t => t.Passed);
}
