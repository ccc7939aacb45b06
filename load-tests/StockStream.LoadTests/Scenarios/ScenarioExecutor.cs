using StockStream.LoadTests.Cli;
using StockStream.LoadTests.Display;
using StockStream.LoadTests.Engine;
using StockStream.LoadTests.Metrics;
using StockStream.LoadTests.Server;
using StockStream.LoadTests.Transports;

namespace StockStream.LoadTests.Scenarios;

/// <summary>Runs streaming scenarios against the target and turns each into <see cref="ScenarioStats"/>; shared by every command.</summary>
public sealed class ScenarioExecutor : IDisposable
{
    private readonly LoadTarget _target;
    private readonly ProgressDisplay _display;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly ServerMetricsScraper _metrics;

    public ScenarioExecutor(LoadTarget target, ProgressDisplay display)
    {
        _target = target;
        _display = display;
        _metrics = new ServerMetricsScraper(_http, target.Nodes);
    }

    public void Say(string message) => _display.Message(message);

    /// <summary>An executor for another target, showing its progress on the same display.</summary>
    public ScenarioExecutor For(LoadTarget target) => new(target, _display);

    public ScenarioMeasurements NewMeasurements() =>
        new(_target.Symbols, new MeasurementWindow { ClockOffsetMicros = _target.ClockOffsetMicros });

    /// <summary>Runs one transport with the given load.</summary>
    public async Task<ScenarioStats> RunAsync(TransportKind kind, string name, int symbolsPerClient, IReadOnlyList<LoadSimulation> load,
        TimeSpan warmUp, CancellationToken cancellationToken)
    {
        var m = NewMeasurements();
        using var scenario = new StreamingScenario(kind, name, _target, m, symbolsPerClient, load, warmUp: warmUp);
        return await RunAsync(scenario, m, cancellationToken);
    }

    public async Task<ScenarioStats> RunAsync(StreamingScenario scenario, ScenarioMeasurements m, CancellationToken cancellationToken)
    {
        string position = _display.BeginScenario(scenario.Props.Name, scenario.Props.Duration + scenario.Props.DrainTime);
        _display.Message($"Running {scenario.Props.Name} (scenario {position}, {scenario.Kind.Description()}), peak {scenario.Props.PeakCopies} clients for {scenario.Props.Duration.TotalSeconds:0.#} s" +
            (scenario.Props.WarmUp > TimeSpan.Zero ? $", the first {scenario.Props.WarmUp.TotalSeconds:0.#} s a warm-up" : ""));
        IReadOnlyDictionary<string, double>? before = null, after = null;
        var runner = new ScenarioRunner(new ScenarioMonitor(_target.Probe, _display.OnSample))
        {
            OnWindowOpened = async ct => before = await _metrics.ScrapeAsync(ct),
            // Read before the clients leave: connections, queues and pending ticks as they were under the load.
            OnWindowClosed = async ct => after = await _metrics.ScrapeAsync(ct),
        };
        var outcome = await runner.RunAsync(scenario.Props, m, cancellationToken);
        _display.EndScenario(scenario.Props.Name);
        var stats = ScenarioStatsBuilder.Build(scenario.Kind.Description(), outcome, m) with { ServerMetrics = ServerMetricsScraper.Change(before, after) };
        _display.Message(Summary(stats));
        return stats;
    }

    public static string Summary(ScenarioStats s) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"  {s.Name}: {s.Ticks:#,0} ticks ({s.TicksPerSecond:#,0}/s), age p50 {s.TickAge.P50Ms:0.00} ms p99 {s.TickAge.P99Ms:0.00} ms max {s.TickAge.MaxMs:0.00} ms, " +
        $"delivered {s.Delivery.Ratio:P2}, gaps {s.Delivery.GapTicks}, errors {s.Errors}, {s.BytesPerTick:0.0} B/tick");

    public void Dispose() => _http.Dispose();
}
