using System.Globalization;
using StockStream.LoadTests.Cli;
using StockStream.LoadTests.Engine;
using StockStream.LoadTests.Metrics;
using StockStream.LoadTests.Transports;

namespace StockStream.LoadTests.Scenarios;

/// <summary>
/// The <c>compare</c> command: the same load over each transport in turn, against the same server and settings.
/// A transport the server does not have (404) is skipped and said so; one that errors is run and reported failing.
/// </summary>
public sealed class CompareRun : ILoadTestRun
{
    /// <summary>Pause between transports so one's connections are gone before the next starts. Default 1 s.</summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(1);

    public int PeakClients(RunOptions options) => options.Clients;

    public async Task<RunResult> RunAsync(ScenarioExecutor executor, LoadTarget target, RunOptions options, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var probe = new TransportProbe(http, target.BaseAddress, target.Symbols.Symbols[0]);
        var scenarios = new List<ScenarioStats>();
        var notes = new List<string>();
        foreach (var kind in options.Transports)
        {
            if (cancellationToken.IsCancellationRequested) break;
            if (await probe.WhyUnavailableAsync(kind, cancellationToken) is { } reason)
            {
                notes.Add($"Skipped {kind.ScenarioName()}: the server does not offer it ({reason}).");
                executor.Say(notes[^1]);
                continue;
            }
            scenarios.Add(await executor.RunAsync(kind, kind.ScenarioName(), options.SymbolsPerClient,
                StreamingScenario.LoadFrom(options, options.Clients), options.WarmUp, cancellationToken));
            await Task.Delay(Settle, CancellationToken.None);
        }
        if (scenarios.Count == 0) notes.Add("No transport was available: nothing was measured.");
        return new RunResult(scenarios, scenarios) { Notes = notes, Findings = Findings(scenarios) };
    }

    private static List<KeyValuePair<string, string>> Findings(List<ScenarioStats> scenarios)
    {
        var findings = new List<KeyValuePair<string, string>>();
        if (scenarios.Count < 2) return findings;
        var fastest = scenarios.Where(s => s.Ticks > 0).MinBy(s => s.TickAge.P99Ms);
        var leanest = scenarios.Where(s => s.Ticks > 0).MinBy(s => s.BytesPerTick);
        if (fastest is not null) findings.Add(new("lowest tick age p99", string.Create(CultureInfo.InvariantCulture, $"{fastest.Name}: {fastest.TickAge.P99Ms:0.00} ms")));
        if (leanest is not null) findings.Add(new("fewest bytes per tick", string.Create(CultureInfo.InvariantCulture, $"{leanest.Name}: {leanest.BytesPerTick:0.0} B")));
        foreach (var s in scenarios.Where(s => s.Resources.ServerCores is not null && s.Ticks > 0))
        {
            double microsPerTick = s.Resources.ServerCores!.Value * s.DurationSeconds / s.Ticks * 1e6;
            findings.Add(new($"server CPU per tick delivered, {s.Name}", string.Create(CultureInfo.InvariantCulture, $"{microsPerTick:0.0} µs")));
        }
        return findings;
    }
}
