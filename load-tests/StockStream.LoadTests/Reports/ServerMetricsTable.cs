namespace StockStream.LoadTests.Reports;

/// <summary>The server's own metrics as a table: one row per metric, one column per scenario.</summary>
public static class ServerMetricsTable
{
    public const string Title =
        "Server metrics (from /metrics: counters change from the end of the warm-up to the end of each scenario; gauges as they were at the end, clients still connected)";

    public static IReadOnlyList<string> Headers(RunReport report) => ["metric", .. report.Scenarios.Select(s => s.Name)];

    public static List<string[]> Rows(RunReport report) =>
    [
        .. report.Scenarios.SelectMany(s => s.ServerMetrics.Keys).Distinct().Order(StringComparer.Ordinal)
            .Select(metric => (string[])[metric, .. report.Scenarios.Select(s => s.ServerMetrics.TryGetValue(metric, out double v) ? MetricFormat.Number(v, "0.###") : "")]),
    ];
}
