using System.Globalization;
using StockStream.LoadTests.Cli;
using StockStream.LoadTests.Engine;
using StockStream.LoadTests.Metrics;
using StockStream.LoadTests.Transports;

namespace StockStream.LoadTests.Scenarios;

/// <summary>
/// The <c>capacity</c> command: clients of one transport (the first of <c>--transports</c>, WebSocket by default) in growing steps until tick age p99 passes the limit (or delivery
/// drops, or errors appear); the knee is the last step that stayed within it.
/// </summary>
public sealed class CapacityRun : ILoadTestRun
{
    public int PeakClients(RunOptions options) => options.Clients;

    public int ScenarioCount(RunOptions options) => Steps(options).Count();

    public string? WhyItCannotRun(RunOptions options) =>
        options.StartClients > options.Clients ? $"--start-clients ({options.StartClients}) must not exceed --clients ({options.Clients}), the largest step." : null;

    public async Task<RunResult> RunAsync(ScenarioExecutor executor, LoadTarget target, RunOptions options, CancellationToken cancellationToken)
    {
        var kind = options.Transports[0];
        var steps = new List<ScenarioStats>();
        ScenarioStats? knee = null;
        string? stopReason = null;
        foreach (int clients in Steps(options))
        {
            if (cancellationToken.IsCancellationRequested) break;
            var step = new RunOptions { WarmUp = options.WarmUp, Duration = options.Duration };
            var stats = await executor.RunAsync(kind, $"{kind.ScenarioName()}-{clients}", options.SymbolsPerClient,
                StreamingScenario.LoadFrom(step, clients), StreamingScenario.CountingStartsAfter(step), cancellationToken);
            steps.Add(stats);
            stopReason = Saturation(stats, options.P99LimitMs);
            if (stopReason is not null) break;
            knee = stats;
        }

        string Text(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
        var findings = new List<KeyValuePair<string, string>>
        {
            new("knee (most clients within the limit)", knee is null ? "none: the first step already passed the limit" : Text($"{knee.PeakClients:#,0} clients, p99 {knee.TickAge.P99Ms:0.00} ms, {knee.TicksPerSecond:#,0} ticks/s delivered")),
            new("stopped because", stopReason ?? Text($"the largest step ({options.Clients} clients) stayed within {options.P99LimitMs} ms")),
        };
        var notes = steps.Where(s => s.Resources.ClientSaturated)
            .Select(s => $"{s.Name}: the client used {s.Resources.ClientCores:0.00} cores; past this step it may have been the bottleneck, not the server.").ToList();
        return new RunResult(steps, []) { Findings = findings, Notes = notes };
    }

    /// <summary>Clients per step: the start count, multiplied by the factor, up to the clients option.</summary>
    public static IEnumerable<int> Steps(RunOptions options)
    {
        double clients = Math.Max(1, options.StartClients);
        double factor = Math.Max(1.1, options.StepFactor);
        while ((int)clients < options.Clients)
        {
            yield return (int)clients;
            clients = Math.Ceiling(clients * factor);
        }
        yield return options.Clients;
    }

    private static string? Saturation(ScenarioStats s, double p99LimitMs) =>
        s.Errors > 0 ? $"{s.Name} had {s.Errors} errors"
        : s.TickAge.P99Ms > p99LimitMs ? string.Create(CultureInfo.InvariantCulture, $"{s.Name} p99 {s.TickAge.P99Ms:0.00} ms > {p99LimitMs} ms")
        : s.Delivery.Ratio < 0.99 ? string.Create(CultureInfo.InvariantCulture, $"{s.Name} delivered only {s.Delivery.Ratio:P2}")
        : null;
}
