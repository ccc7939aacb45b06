using StockStream.LoadTests.Metrics;

namespace StockStream.LoadTests.Engine;

/// <summary>Turns a finished scenario's measurements and monitoring into <see cref="ScenarioStats"/>.</summary>
public static class ScenarioStatsBuilder
{
    public static ScenarioStats Build(string transport, ScenarioOutcome outcome, ScenarioMeasurements m)
    {
        var monitored = outcome.Monitored;
        var timeline = monitored.Timeline;
        var c = m.Counters;
        var errors = c.ErrorsByKind;
        if (!outcome.StoppedCleanly) errors = new Dictionary<string, long>(errors) { ["stop: copies did not finish"] = 1 };
        return new ScenarioStats
        {
            Name = outcome.Scenario.Name,
            Transport = transport,
            PeakClients = (int)Math.Max(timeline.Select(p => p.Clients).DefaultIfEmpty(0).Max(), 0),
            DurationSeconds = outcome.Scenario.MeasuredDuration.TotalSeconds,
            SessionsOk = c.SessionsOk,
            Errors = errors.Values.Sum(),
            ErrorsByKind = errors,
            Ticks = c.Ticks,
            Frames = c.Frames,
            BytesReceived = c.BytesReceived,
            BytesSent = c.BytesSent,
            Requests = c.Requests,
            ConnectionsOpened = c.ConnectionsOpened,
            TickAge = m.TickAge.Total(),
            ConnectTime = m.ConnectTime.Total(),
            NegativeAges = m.TickAge.NegativeCount,
            Delivery = m.Delivery(),
            Resources = Resources(monitored),
            Timeline = timeline,
            Drops = c.Drops,
            Reconnects = c.Reconnects,
        };
    }

    private static ResourceUsage Resources(MonitoredRun run)
    {
        double? machine = run.End.MachineCoresSince(run.Start);
        double? server = run.End.ServerCoresSince(run.Start);
        double client = run.End.ClientCoresSince(run.Start);
        double? redis = run.End.RedisCoresSince(run.Start);
        double? balancers = run.End.BalancerCoresSince(run.Start);
        double? others = machine is { } m ? Math.Max(0, m - client - (run.ServerOnThisMachine ? server ?? 0 : 0) - (redis ?? 0) - (balancers ?? 0)) : null;
        var rss = run.Timeline.Select(p => p.ServerRssMb).Where(v => v is not null).Select(v => v!.Value).ToList();
        return new ResourceUsage(
            server,
            run.Start.ServerRssBytes / 1048576.0,
            rss.Count > 0 ? rss.Max() : null,
            run.End.ServerRssBytes / 1048576.0,
            client,
            run.Timeline.Select(p => p.ClientCores).DefaultIfEmpty(0).Max(),
            run.ServerSource,
            others,
            Median(run.Timeline.Where(p => p.TicksPerSecond > 0).Select(p => p.ClientAllocatedBytesPerTick)))
        {
            ServerCoresPerNode = run.End.NodeCoresSince(run.Start),
            RedisCores = redis,
            BalancerCores = balancers,
        };
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[sorted.Length / 2];
    }
}
