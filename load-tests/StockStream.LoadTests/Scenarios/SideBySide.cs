using System.Globalization;
using StockStream.LoadTests.Metrics;

namespace StockStream.LoadTests.Scenarios;

/// <summary>
/// Runs the same load on several variants in turn (transports for <c>compare</c>, deployments for <c>scale-out</c>), with a
/// pause between so one's connections are gone before the next starts; a variant that cannot run is skipped and said so.
/// </summary>
public sealed class SideBySide(ScenarioExecutor executor, TimeSpan settle)
{
    private readonly List<ScenarioStats> _scenarios = [];
    private readonly List<string> _notes = [];

    public IReadOnlyList<ScenarioStats> Scenarios => _scenarios;

    private bool _incomplete;

    public void Skip(string variant, string reason) => Note($"Skipped {variant}: {reason}.");

    /// <summary>A variant that had to run and could not: noted, and the whole run fails.</summary>
    public void Fail(string variant, string reason)
    {
        _incomplete = true;
        Note($"Could not run {variant}: {reason}.");
    }

    /// <summary>A note for the report, shown now too.</summary>
    public void Note(string note)
    {
        _notes.Add(note);
        executor.Say(note);
    }

    public async Task RunAsync(Func<ScenarioExecutor, Task<ScenarioStats>> scenario)
    {
        _scenarios.Add(await scenario(executor));
        await Task.Delay(settle, CancellationToken.None);
    }

    /// <summary>Every scenario judged by the thresholds; the shared findings first, then the command's own.</summary>
    public RunResult Result(string nothingMeasured, IEnumerable<KeyValuePair<string, string>> findings)
    {
        if (_scenarios.Count == 0) _notes.Add(nothingMeasured);
        return new RunResult(_scenarios, _scenarios) { Notes = _notes, Findings = [.. Findings(_scenarios), .. findings], Incomplete = _incomplete };
    }

    /// <summary>Lowest tick age p99, fewest bytes per tick, and the server's CPU per tick delivered of each variant.</summary>
    public static List<KeyValuePair<string, string>> Findings(IReadOnlyList<ScenarioStats> scenarios)
    {
        var findings = new List<KeyValuePair<string, string>>();
        if (scenarios.Count < 2) return findings;
        var fastest = scenarios.Where(s => s.Ticks > 0).MinBy(s => s.TickAge.P99Ms);
        var leanest = scenarios.Where(s => s.Ticks > 0).MinBy(s => s.BytesPerTick);
        if (fastest is not null) findings.Add(LowestP99(fastest, scenarios));
        if (leanest is not null) findings.Add(new("fewest bytes per tick", string.Create(CultureInfo.InvariantCulture, $"{leanest.Name}: {leanest.BytesPerTick:0.0} B")));
        foreach (var s in scenarios)
        {
            if (s.ServerMicrosPerTick is not { } microsPerTick) continue;
            findings.Add(new($"server CPU per tick delivered, {s.Name}", string.Create(CultureInfo.InvariantCulture, $"{microsPerTick:0.0} µs")));
        }
        return findings;
    }

    /// <summary>Which variant had the lowest p99 — said to be no fair ranking when other processes loaded the machine meanwhile.</summary>
    private static KeyValuePair<string, string> LowestP99(ScenarioStats fastest, IReadOnlyList<ScenarioStats> scenarios)
    {
        var value = string.Create(CultureInfo.InvariantCulture, $"{fastest.Name}: {fastest.TickAge.P99Ms:0.00} ms");
        var others = scenarios.Select(s => s.Resources.OtherCores).OfType<double>().ToList();
        if (!scenarios.Any(s => s.Resources.MachineBusy)) return new("lowest tick age p99", value);
        return new("lowest tick age p99 (not a fair ranking: the machine was busy)", string.Create(CultureInfo.InvariantCulture,
            $"{value}; other processes used {others.Min():0.00}–{others.Max():0.00} cores during the runs, which can move p99 as much as the transports differ: rerun on a quiet machine to rank them"));
    }
}
