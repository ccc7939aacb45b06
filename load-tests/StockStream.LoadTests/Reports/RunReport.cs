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

    /// <summary>The run was cancelled before its end: the results are partial.</summary>
    public bool Cancelled { get; init; }

    public bool Passed => !Incomplete && Thresholds.All(t => t.Passed);

    /// <summary>The verdict, as the console, the Markdown and the HTML report state it.</summary>
    public string Result =>
        Cancelled ? "cancelled (the results are partial)"
        : Scenarios.Count == 0 ? "nothing was measured"
        : Incomplete ? "FAILED (incomplete: see the notes)"
        : !Passed ? $"FAILED (thresholds: {Thresholds.Count(t => !t.Passed)} of {Thresholds.Count} failed)"
        : Thresholds.Count == 0 ? "passed (no thresholds were set)"
        : $"passed (all {Thresholds.Count} thresholds)";
}
