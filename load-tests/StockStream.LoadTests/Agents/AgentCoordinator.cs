using HdrHistogram;
using StockStream.LoadTests.Engine;
using StockStream.LoadTests.Metrics;
using StockStream.LoadTests.Transports;
using StockStream.Protocol;

namespace StockStream.LoadTests.Agents;

/// <summary>
/// The coordinator's side of a scenario run on agents: splits the clients over them, starts them all at one moment with one
/// measurement window, samples the server meanwhile, then adds their counters, HDR histograms, delivery tallies and timelines
/// into one set of measurements, as if one process had run every client.
/// </summary>
public sealed class AgentCoordinator(AgentPool pool, ScenarioMonitor monitor)
{
    /// <summary>
    /// How long agents keep reading after the window closes. Default 3 s: several processes on one busy machine lag more than one,
    /// and a tick still in a socket buffer when the clients stop would count as lost.
    /// </summary>
    public TimeSpan DrainTime { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Time given to every agent to receive its job before the common start. Default 3 s.</summary>
    public TimeSpan StartDelay { get; init; } = TimeSpan.FromSeconds(3);

    public sealed record Run(ScenarioOutcome Outcome, ScenarioMeasurements Measurements, IReadOnlyList<AgentReport> Reports, long StartMicros);

    public static string? WhyItCannotShare(IReadOnlyList<LoadSimulation> load, int agents)
    {
        if (load.Any(s => s is Inject)) return "agents share closed-model load only (--ramp-up and --duration), not --inject-rate";
        int peak = load.Select(s => s is KeepConstant k ? k.Copies : s is RampingConstant r ? r.Copies : 0).DefaultIfEmpty(0).Max();
        int perAgent = AgentPhase.Part(peak, 0, agents);
        return perAgent > AgentRunner.MaxClients
            ? $"{peak} clients over {agents} agents is {perAgent} per agent; one agent holds at most {AgentRunner.MaxClients} (a process's open files): use --agents {(peak + AgentRunner.MaxClients - 1) / AgentRunner.MaxClients} or more"
            : null;
    }

    public async Task<Run> RunAsync(TransportKind kind, ScenarioProps props, IReadOnlyList<Uri> entrances, ScenarioMeasurements m, int symbolsPerClient,
        bool reconnect, Func<long, CancellationToken, Task>? onStart, CancellationToken cancellationToken)
    {
        int agents = pool.Agents.Count;
        long start = UnixTime.NowMicroseconds() + (long)StartDelay.TotalMicroseconds;
        long offset = m.Window.ClockOffsetMicros;
        var jobs = new List<AgentJob>();
        int firstInstance = 0;
        for (int i = 0; i < agents; i++)
        {
            var phases = props.LoadSimulations.Select(s => AgentPhase.Share(s, i, agents)!).ToList();
            jobs.Add(new AgentJob
            {
                Name = props.Name,
                Kind = kind,
                Entrances = entrances,
                Symbols = m.Symbols.Symbols,
                SymbolsPerClient = symbolsPerClient,
                FirstInstance = firstInstance,
                Load = phases,
                WarmUpSeconds = props.WarmUp.TotalSeconds,
                DrainSeconds = DrainTime.TotalSeconds,
                StartAtMicros = start,
                WindowStartMicros = start + offset + (long)props.WarmUp.TotalMicroseconds,
                WindowEndMicros = start + offset + (long)props.Duration.TotalMicroseconds,
                ClockOffsetMicros = offset,
                Reconnect = reconnect,
                SourceAddresses = pool.SourceAddresses.Count > i ? [pool.SourceAddresses[i]] : [],
            });
            firstInstance += phases.Select(p => p.Copies).DefaultIfEmpty(0).Max();
        }

        using var monitorStop = new CancellationTokenSource();
        var sampling = SampleServerAsync(start, m, monitorStop.Token);
        var sideTask = onStart is null ? Task.CompletedTask : onStart(start, cancellationToken);
        IReadOnlyList<AgentReport> reports;
        try
        {
            reports = await pool.RunAsync(jobs, cancellationToken);
        }
        finally
        {
            await monitorStop.CancelAsync();
        }
        var server = await sampling;
        await sideTask;

        foreach (var report in reports)
        {
            m.Counters.Add(report.Counters);
            m.TickAge.Import(HistogramCodec.Decode(report.TickAge), report.NegativeAges);
            m.ConnectTime.Import(HistogramCodec.Decode(report.ConnectTime));
            m.ReconnectTime.Import(HistogramCodec.Decode(report.ReconnectTime));
            m.Import(report.Delivery);
        }
        var monitored = server with { Timeline = MergeTimelines(reports, server.Timeline) };
        var outcome = new ScenarioOutcome(props, props.Duration + DrainTime, reports.Sum(r => r.Copies), monitored, reports.All(r => r.StoppedCleanly));
        return new Run(outcome, m, reports, start);
    }

    private async Task<MonitoredRun> SampleServerAsync(long startMicros, ScenarioMeasurements m, CancellationToken cancellationToken)
    {
        var wait = TimeSpan.FromMicroseconds(Math.Max(0, startMicros - UnixTime.NowMicroseconds()));
        try
        {
            await Task.Delay(wait, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // the agents failed before the start: sample once anyway
        }
        return await monitor.RunAsync("agents", m, cancellationToken);
    }

    /// <summary>Second by second: clients, rates and errors summed over the agents, tick age from their merged histograms, server figures from here.</summary>
    public static IReadOnlyList<TimelinePoint> MergeTimelines(IReadOnlyList<AgentReport> reports, IReadOnlyList<TimelinePoint> server)
    {
        int length = reports.Select(r => r.Timeline.Count).DefaultIfEmpty(0).Max();
        var merged = new List<TimelinePoint>(length);
        for (int i = 0; i < length; i++)
        {
            var points = reports.Where(r => r.Timeline.Count > i).Select(r => r.Timeline[i]).ToList();
            HistogramBase? ages = null;
            foreach (var r in reports.Where(r => r.TimelineTickAges.Count > i))
            {
                var h = HistogramCodec.Decode(r.TimelineTickAges[i]);
                if (ages is null) ages = h;
                else ages.Add(h);
            }
            var age = ages is null ? LatencyStats.Empty : LatencyStats.From(ages);
            var s = i < server.Count ? server[i] : null;
            merged.Add(new TimelinePoint(points[0].Seconds, points.Sum(p => p.Clients), points.Sum(p => p.TicksPerSecond), points.Sum(p => p.BytesPerSecond),
                age.P50Ms, age.P99Ms, age.MaxMs, points.Sum(p => p.Errors), s?.ServerCores, s?.ServerRssMb, points.Sum(p => p.ClientCores),
                points.Average(p => p.ClientAllocatedBytesPerTick)));
        }
        return merged;
    }
}
