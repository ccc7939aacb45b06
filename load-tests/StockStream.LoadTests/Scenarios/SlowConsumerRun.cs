using System.Globalization;
using StockStream.LoadTests.Cli;
using StockStream.LoadTests.Engine;
using StockStream.LoadTests.Metrics;
using StockStream.LoadTests.Transports;

namespace StockStream.LoadTests.Scenarios;

/// <summary>
/// The <c>slow-consumer</c> command: beside normal WebSocket clients, some stop reading for a while. The normal clients'
/// tick age and the server's memory must stay bounded; the slow ones should see conflated frames or be cut off.
/// </summary>
public sealed class SlowConsumerRun : ILoadTestRun
{
    public int PeakClients(RunOptions options) => options.Clients;

    /// <summary>The normal and the slow clients, side by side.</summary>
    public int ScenarioCount(RunOptions options) => 2;

    public string? WhyItCannotRun(RunOptions options) =>
        options.Clients < 2 ? "slow-consumer needs --clients of at least 2: normal clients beside the slow ones."
        : options.SlowClients >= options.Clients ? $"--slow-clients ({options.SlowClients}) must be fewer than --clients ({options.Clients}): some clients must keep reading."
        : null;

    public async Task<RunResult> RunAsync(ScenarioExecutor executor, LoadTarget target, RunOptions options, CancellationToken cancellationToken)
    {
        int slow = Math.Clamp(options.SlowClients ?? Math.Max(1, options.Clients / 10), 1, Math.Max(1, options.Clients - 1));
        int normal = Math.Max(1, options.Clients - slow);
        var notes = new List<string>();
        if (options.Duration < options.PauseAfter + options.PauseFor)
            notes.Add("The run ends before the slow clients read again: raise --duration to see how the server treated them.");

        var load = (int clients) => (IReadOnlyList<LoadSimulation>)[Simulation.KeepConstant(clients, options.Duration)];
        var normalMeasurements = executor.NewMeasurements();
        var slowMeasurements = executor.NewMeasurements();
        using var normalScenario = new StreamingScenario(TransportKind.WebSocket, "normal", target.Entrances, normalMeasurements, options.SymbolsPerClient, load(normal));
        using var slowScenario = new StreamingScenario(TransportKind.WebSocket, "slow", target.Entrances, slowMeasurements, options.SymbolsPerClient, load(slow),
            new SlowReading(options.PauseAfter, options.PauseFor, options.SlowReceiveBufferBytes));
        var results = await Task.WhenAll(
            executor.RunAsync(normalScenario, normalMeasurements, cancellationToken),
            executor.RunAsync(slowScenario, slowMeasurements, cancellationToken));
        var (normalStats, slowStats) = (results[0], results[1]);

        return new RunResult(results, [normalStats]) { Findings = Findings(normalStats, slowStats, options), Notes = notes };
    }

    private static List<KeyValuePair<string, string>> Findings(ScenarioStats normal, ScenarioStats slow, RunOptions options)
    {
        double pauseStart = options.PauseAfter.TotalSeconds, pauseEnd = pauseStart + options.PauseFor.TotalSeconds;
        var before = normal.Timeline.Where(p => p.Seconds <= pauseStart).Select(p => p.P99Ms).DefaultIfEmpty(0).Max();
        var during = normal.Timeline.Where(p => p.Seconds > pauseStart && p.Seconds <= pauseEnd + 1).Select(p => p.P99Ms).DefaultIfEmpty(0).Max();
        string Text(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
        return
        [
            new("normal clients: worst per-second p99 before / during the pause", Text($"{before:0.00} / {during:0.00} ms")),
            new("normal clients: delivered, gaps", Text($"{normal.Delivery.Ratio:P2}, {normal.Delivery.GapTicks} ticks")),
            new("server memory: start / peak / end", Text($"{normal.Resources.ServerRssStartMb:0} / {normal.Resources.ServerRssPeakMb:0} / {normal.Resources.ServerRssEndMb:0} MiB")),
            new("slow clients: conflated frames, ticks conflated away", Text($"{slow.Delivery.ConflatedFrames:#,0}, {slow.Delivery.ConflatedTicks:#,0}")),
            new("slow clients: how their sessions ended", slow.ErrorsByKind.Count == 0 ? "no drops" : string.Join("; ", slow.ErrorsByKind.Select(e => $"{e.Key} ×{e.Value}"))),
        ];
    }
}
