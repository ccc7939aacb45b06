namespace StockStream.LoadTests.Reports;

/// <summary>The server's own metrics as a table: one row per metric, one column per scenario.</summary>
public static class ServerMetricsTable
{
    public static IReadOnlyList<string> Headers(RunReport report) => ["metric", .. report.Scenarios.Select(s => s.Name)];

    public static List<string[]> Rows(RunReport report) =>
    [
        .. report.Scenarios.SelectMany(s => s.ServerMetrics.Keys).Distinct().Order(StringComparer.Ordinal)
            .Select(metric => (string[])[metric, .. report.Scenarios.Select(s => s.ServerMetrics.TryGetValue(metric, out double v) ? MetricFormat.Number(v, "0.###") : "")]),
    ];
}
