using StockStream.LoadTests.Metrics;

namespace StockStream.LoadTests.Reports;

/// <summary>Picks the charts a run's report shows: tick age percentiles overlaid, timelines, bytes per tick, and capacity.</summary>
public static class ReportCharts
{
    public static IEnumerable<string> For(RunReport report)
    {
        var scenarios = report.Scenarios;
        yield return SvgChart.Line("Tick age by percentile", "percentile", "tick age, ms",
            [.. scenarios.Where(s => s.TickAge.Count > 0).Select(s => new ChartSeries(s.Name, [.. s.TickAge.Curve.Select(p => (p.Percentile, p.LatencyMs))]))],
            ninesAxis: true);
        yield return Timeline(scenarios, "Tick age p99 per second", "p99, ms", p => p.P99Ms);
        yield return Timeline(scenarios, "Ticks received per second", "ticks/s", p => p.TicksPerSecond);
        yield return Timeline(scenarios, "Connected clients", "clients", p => p.Clients);
        if (scenarios.Any(s => s.Timeline.Any(p => p.ServerRssMb is not null)))
            yield return Timeline(scenarios, "Server memory (RSS)", "MiB", p => p.ServerRssMb ?? 0);
        if (scenarios.Count > 1 && scenarios.All(s => s.Ticks > 0))
            yield return SvgChart.Bars("Bytes on the wire per tick", "bytes/tick", [.. scenarios.Select(s => (s.Name, s.BytesPerTick))]);
        if (report.Command == "capacity" && scenarios.Count > 0)
        {
            yield return SvgChart.Line("Tick age p99 by clients", "clients", "p99, ms",
                [new ChartSeries("p99", [.. scenarios.Select(s => ((double)s.PeakClients, s.TickAge.P99Ms))])]);
        }
    }

    private static string Timeline(IReadOnlyList<ScenarioStats> scenarios, string title, string yLabel, Func<TimelinePoint, double> value) =>
        SvgChart.Line(title, "seconds", yLabel, [.. scenarios.Select(s => new ChartSeries(s.Name, [.. s.Timeline.Select(p => (p.Seconds, value(p)))]))]);
}
