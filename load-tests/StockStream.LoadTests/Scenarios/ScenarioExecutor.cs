using StockStream.LoadTests.Agents;
using StockStream.LoadTests.Cli;
using StockStream.LoadTests.Display;
using StockStream.LoadTests.Engine;
using StockStream.LoadTests.Metrics;
using StockStream.LoadTests.Server;
using StockStream.LoadTests.Transports;
using StockStream.Protocol;

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

    /// <summary>Whether clients reconnect, and where they connect from. Default null: neither.</summary>
    public ClientPlacement? Placement { get; init; }

    /// <summary>Agents that hold the clients; null runs them in this process. Default null.</summary>
    public AgentPool? Agents { get; init; }

    /// <summary>Kill the last node started here (SIGKILL) this long after each scenario starts; null kills none. Default null.</summary>
    public TimeSpan? KillNodeAfter { get; init; }

    public void Say(string message) => _display.Message(message);

    /// <summary>An executor for another target, showing its progress on the same display.</summary>
    public ScenarioExecutor For(LoadTarget target) => new(target, _display) { Placement = Placement, Agents = Agents, KillNodeAfter = KillNodeAfter };

    public ScenarioMeasurements NewMeasurements() =>
        new(_target.Symbols, new MeasurementWindow { ClockOffsetMicros = _target.ClockOffsetMicros });

    /// <summary>Runs one transport with the given load.</summary>
    public async Task<ScenarioStats> RunAsync(TransportKind kind, string name, int symbolsPerClient, IReadOnlyList<LoadSimulation> load,
        TimeSpan warmUp, CancellationToken cancellationToken)
    {
        if (Agents is not null) return await RunOnAgentsAsync(kind, name, symbolsPerClient, load, warmUp, cancellationToken);
        var m = NewMeasurements();
        using var scenario = new StreamingScenario(kind, name, _target.Entrances, m, symbolsPerClient, load, warmUp: warmUp, placement: Placement);
        return await RunAsync(scenario, m, cancellationToken);
    }

    public Task<ScenarioStats> RunAsync(StreamingScenario scenario, ScenarioMeasurements m, CancellationToken cancellationToken) =>
        RunAsync(scenario.Props, scenario.Kind.Description(), m, cancellationToken);

    /// <summary>Runs any scenario's copies (streaming clients or others, such as attackers), described as <paramref name="description"/>.</summary>
    public async Task<ScenarioStats> RunAsync(ScenarioProps props, string description, ScenarioMeasurements m, CancellationToken cancellationToken)
    {
        string position = _display.BeginScenario(props.Name, props.Duration + props.DrainTime);
        _display.Message($"Running {props.Name} (scenario {position}, {description}), peak {props.PeakCopies} clients for {props.Duration.TotalSeconds:0.#} s" +
            (props.WarmUp > TimeSpan.Zero ? $", the first {props.WarmUp.TotalSeconds:0.#} s a warm-up" : ""));
        IReadOnlyDictionary<string, double>? before = null, after = null;
        var runner = new ScenarioRunner(new ScenarioMonitor(_target.Probe, _display.OnSample))
        {
            OnWindowOpened = async ct => before = await _metrics.ScrapeAsync(ct),
            // Read before the clients leave: connections, queues and pending ticks as they were under the load.
            OnWindowClosed = async ct => after = await _metrics.ScrapeAsync(ct),
        };
        var outcome = await runner.RunAsync(props, m, cancellationToken);
        _display.EndScenario(props.Name);
        var stats = ScenarioStatsBuilder.Build(description, outcome, m) with { ServerMetrics = ServerMetricsScraper.Change(before, after) };
        _display.Message(Summary(stats));
        return stats;
    }

    private async Task<ScenarioStats> RunOnAgentsAsync(TransportKind kind, string name, int symbolsPerClient, IReadOnlyList<LoadSimulation> load,
        TimeSpan warmUp, CancellationToken cancellationToken)
    {
        var props = Scenario.Create(name, _ => Task.FromResult(Response.Ok())).WithLoadSimulations([.. load]) with { WarmUp = warmUp };
        _display.Message($"Running {name} ({kind.Description()}) on {Agents!.Agents.Count} agents, peak {props.PeakCopies} clients for {props.Duration.TotalSeconds:0.#} s" +
            (warmUp > TimeSpan.Zero ? $", the first {warmUp.TotalSeconds:0.#} s a warm-up" : ""));
        var m = NewMeasurements();
        IReadOnlyDictionary<string, double>? before = null;
        var fault = new NodeFault(_target, _http, KillNodeAfter, props.Duration, Say);
        var coordinator = new AgentCoordinator(Agents, new ScenarioMonitor(_target.Probe, (_, _) => { }));
        var run = await coordinator.RunAsync(kind, props, _target.Entrances, m, symbolsPerClient, Placement?.Reconnect is not null, async (start, ct) =>
        {
            var opened = Task.Delay(TimeSpan.FromMicroseconds(Math.Max(0, start + (long)warmUp.TotalMicroseconds - UnixTime.NowMicroseconds())), ct)
                .ContinueWith(async _ => before = await _metrics.ScrapeAsync(ct), TaskScheduler.Default).Unwrap();
            await Task.WhenAll(opened, fault.RunAsync(start, ct));
        }, cancellationToken);
        var after = await _metrics.ScrapeAsync(CancellationToken.None);
        var stats = ScenarioStatsBuilder.Build(kind.Description(), run.Outcome, m) with { ServerMetrics = ServerMetricsScraper.Change(before, after) };
        stats = stats with
        {
            Resources = AgentResources(stats.Resources, run),
            Findings = [.. fault.Findings(stats, m, run.StartMicros)],
        };
        _display.Message(Summary(stats));
        return stats;
    }

    /// <summary>The clients' CPU is the agents' (summed); what the rest of the machine used is recounted without them.</summary>
    private static ResourceUsage AgentResources(ResourceUsage usage, AgentCoordinator.Run run)
    {
        double agents = run.Reports.Sum(r => r.ClientCores);
        var monitored = run.Outcome.Monitored;
        double? machine = monitored.End.MachineCoresSince(monitored.Start);
        double? others = machine is { } all
            ? Math.Max(0, all - agents - usage.ClientCores - (usage.ServerCores ?? 0) - (usage.RedisCores ?? 0) - (usage.BalancerCores ?? 0))
            : null;
        return usage with
        {
            ClientCores = agents,
            ClientPeakCores = run.Outcome.Monitored.Timeline.Select(p => p.ClientCores).DefaultIfEmpty(0).Max(),
            OtherCores = others,
            ClientAllocatedBytesPerTick = run.Reports.Select(r => r.ClientAllocatedBytesPerTick).DefaultIfEmpty(0).Average(),
        };
    }

    public static string Summary(ScenarioStats s) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"  {s.Name}: {s.Ticks:#,0} ticks ({s.TicksPerSecond:#,0}/s), age p50 {s.TickAge.P50Ms:0.00} ms p99 {s.TickAge.P99Ms:0.00} ms max {s.TickAge.MaxMs:0.00} ms, " +
        $"delivered {s.Delivery.Ratio:P2}, gaps {s.Delivery.GapTicks}, errors {s.Errors}, {s.BytesPerTick:0.0} B/tick");

    public void Dispose() => _http.Dispose();
}
