using System.Globalization;
using StockStream.LoadTests.Cli;
using StockStream.LoadTests.Engine;
using StockStream.LoadTests.Metrics;
using StockStream.LoadTests.Transports;

namespace StockStream.LoadTests.Scenarios;

/// <summary>
/// The <c>grid</c> command: StockStream's WebSocket against the SignalR baseline (or <c>--transports</c>) at every point of
/// the grid, each transport on a server started fresh for it and stopped after, the order alternating from one point to
/// the next so neither always runs on a warmer machine; the report pairs them with their ratios.
/// </summary>
public sealed class GridRun : ILoadTestRun
{
    public static readonly IReadOnlyList<GridPoint> Points =
    [
        new(100, 10, 200), new(1_000, 10, 500), new(5_000, 5, 100), new(1_000, 10, 2_000),
        new(1_000, 10, 5_000), new(1_000, 10, 7_000), new(1_000, 10, 10_000),
    ];

    private static readonly TransportKind[] DefaultTransports = [TransportKind.WebSocket, TransportKind.SignalR];

    /// <summary>Pause after a server stops, so its sockets are gone before the next starts. Default 1 s.</summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan? DefaultDuration => TimeSpan.FromSeconds(10);

    // A fresh server still tiers up its code and digests the connection storm for seconds after the ramp: at 5,000 ×
    // 5 @ 100 the first second after a 2 s warm-up ran at a full core with p99 55 ms against 28–32 ms after, and at
    // 1,000 × 10 @ 10,000 ticks were up to a second old for 3–5 s. The grid compares steady states.
    public TimeSpan? DefaultWarmUp => TimeSpan.FromSeconds(8);

    public int ScenarioCount(RunOptions options) => Points.Count * Transports(options).Count;

    public int PeakClients(RunOptions options) => 100;

    public string? WhyItCannotRun(RunOptions options) =>
        options.Urls.Count > 0 ? "grid starts a fresh server for every point and transport; drop --url."
        : options.Nodes != 1 ? "grid runs one node; drop --nodes."
        : null;

    public static IReadOnlyList<TransportKind> Transports(RunOptions options) =>
        options.Transports.SequenceEqual(TransportNames.All) ? DefaultTransports : options.Transports;

    public async Task<RunResult> RunAsync(ScenarioExecutor executor, LoadTarget target, RunOptions options, CancellationToken cancellationToken)
    {
        var runs = new SideBySide(executor, Settle);
        var transports = Transports(options);
        var (duration, warmUp) = options.Quick ? (TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(1)) : (options.Duration, options.WarmUp);
        for (int p = 0; p < Points.Count && !cancellationToken.IsCancellationRequested; p++)
        {
            var point = Points[p];
            var at = options with
            {
                Clients = point.Clients,
                SymbolsPerClient = point.Symbols,
                TicksPerSecond = point.Rate,
                Duration = duration,
                WarmUp = warmUp,
                RampUp = options.Quick ? point.RampUp / 2 : point.RampUp,
            };
            foreach (var kind in p % 2 == 0 ? transports : transports.Reverse())
            {
                if (cancellationToken.IsCancellationRequested) break;
                string name = $"{point.Name} {kind.ScenarioName()}";
                LoadTarget server;
                try
                {
                    server = await LoadTarget.OpenAsync(at, point.Clients, Path.Combine(target.LogFolder, name.Replace(' ', '-')), executor.Say, cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception e) when (e is InvalidOperationException or HttpRequestException or OperationCanceledException)
                {
                    runs.Fail(name, $"its server did not start ({e.Message})");
                    continue;
                }
                await using (server)
                {
                    using var on = executor.For(server);
                    await runs.RunAsync(_ => on.RunAsync(kind, name, point.Symbols, StreamingScenario.LoadFrom(at, point.Clients), StreamingScenario.CountingStartsAfter(at), cancellationToken));
                }
            }
        }
        runs.Note("Every point and transport ran on a server started for it alone; the order of the transports alternated from one point to the next.");
        return runs.Result("No point could be run: nothing was measured.", Ratios(runs.Scenarios, transports));
    }

    /// <summary>Per point: each transport's p50 / p99 and server CPU, and the first transport's ratios to each other one.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Ratios(IReadOnlyList<ScenarioStats> scenarios, IReadOnlyList<TransportKind> transports)
    {
        string Text(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
        var byName = scenarios.ToDictionary(s => s.Name);
        foreach (var point in Points)
        {
            var cells = transports.Select(k => byName.GetValueOrDefault($"{point.Name} {k.ScenarioName()}")).ToList();
            if (cells[0] is not { } first) continue;
            foreach (var (other, kind) in cells.Zip(transports).Skip(1))
            {
                if (other is null) continue;
                yield return new($"{point.Description}: {transports[0].ScenarioName()} vs {kind.ScenarioName()}, p50 / p99 ms",
                    $"{Ages(first)} vs {Ages(other)} ({AgeRatio(first, other, a => a.P50Ms)} / {AgeRatio(first, other, a => a.P99Ms)})");
                // Three places: two runs of one grid row often differ in the third, and "no more CPU" is judged on it.
                yield return new($"{point.Description}: {transports[0].ScenarioName()} vs {kind.ScenarioName()}, server cores; delivered",
                    Text($"{first.Resources.ServerCores:0.000} vs {other.Resources.ServerCores:0.000} ({Ratio(first.Resources.ServerCores, other.Resources.ServerCores, "0.000")}); {first.Delivery.Ratio:P1} vs {other.Delivery.Ratio:P1}; other processes {first.Resources.OtherCores:0.00} / {other.Resources.OtherCores:0.00} cores"));
            }
        }
    }

    // A transport none of whose ticks arrived within the run has no ages: not ages of 0 ms.
    private static string Ages(ScenarioStats s) =>
        s.TickAge.Count == 0 ? "none in time" : string.Create(CultureInfo.InvariantCulture, $"{s.TickAge.P50Ms:0.0} / {s.TickAge.P99Ms:0.0}");

    private static string AgeRatio(ScenarioStats a, ScenarioStats b, Func<LatencyStats, double> quantile) =>
        a.TickAge.Count == 0 || b.TickAge.Count == 0 ? "n/a" : Ratio(quantile(a.TickAge), quantile(b.TickAge));

    private static string Ratio(double? a, double? b, string format = "0.00") =>
        a is { } x && b is { } y && y > 0 ? (x / y).ToString(format, CultureInfo.InvariantCulture) + "×" : "n/a";
}
