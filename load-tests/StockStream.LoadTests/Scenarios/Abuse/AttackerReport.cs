using StockStream.LoadTests.Metrics;

namespace StockStream.LoadTests.Scenarios.Abuse;

/// <summary>What the attackers' process measured: each attack's statistics, what the forged cursors got back, and its own CPU.</summary>
public sealed record AttackerReport
{
    public required IReadOnlyList<ScenarioStats> Attacks { get; init; }
    public required IReadOnlyDictionary<int, long> ForgedCursorsByStatus { get; init; }
    public long ForgedCursorLargestBodyBytes { get; init; }
    /// <summary>The attackers' process CPU over the attacks, cores.</summary>
    public double Cores { get; init; }
}
