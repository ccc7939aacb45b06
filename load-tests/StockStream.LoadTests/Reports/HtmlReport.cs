using System.Net;
using System.Text;

namespace StockStream.LoadTests.Reports;

/// <summary>Writes a run as one self-contained HTML page: the Markdown report's tables plus inline SVG charts, no external assets.</summary>
public static class HtmlReport
{
    public static string Render(RunReport report)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append($"<title>StockStream load test: {E(report.Command)}</title><style>")
            .Append("body{font-family:system-ui,sans-serif;margin:2rem;color:#111}table{border-collapse:collapse;margin:0 0 1.5rem}")
            .Append("th,td{border:1px solid #d1d5db;padding:.25rem .5rem;text-align:right}th:first-child,td:first-child{text-align:left}")
            .Append("th{background:#f3f4f6}.fail{color:#b91c1c;font-weight:bold}.pass{color:#15803d}.result{font-size:1.25rem;font-weight:bold}svg{margin:0 1rem 1rem 0}")
            .Append("</style></head><body>");
        html.Append($"<h1>StockStream load test: {E(report.Command)}</h1>");
        html.Append($"<p class=\"result {(report.Passed && !report.Cancelled && report.Scenarios.Count > 0 ? "pass" : "fail")}\">Result: {E(report.Result)}</p>");
        html.Append($"<p>Started {report.StartedUtc:yyyy-MM-dd HH:mm:ss} UTC. Command: <code>{E(report.CommandLine)}</code></p>");
        Table(html, ["setting", "value"], report.Settings.Select(kv => new[] { kv.Key, kv.Value }));

        html.Append("<h2>Charts</h2><div>");
        foreach (var chart in ReportCharts.For(report)) html.Append(chart);
        html.Append("</div>");

        foreach (var (title, columns) in ResultColumns.TablesFor(report.Scenarios))
        {
            html.Append($"<h2>{E(title)}</h2>");
            var values = columns.Select(c => ResultColumns.Column(c).Display).ToArray();
            Table(html, columns, report.Scenarios.Select(s => values.Select(v => v(s)).ToArray()));
        }
        if (ServerMetricsTable.Rows(report) is { Count: > 0 } serverRows)
        {
            html.Append($"<h2>{E(ServerMetricsTable.Title)}</h2>");
            Table(html, ServerMetricsTable.Headers(report), serverRows);
        }
        if (report.Thresholds.Count > 0)
        {
            html.Append($"<h2>Thresholds: <span class=\"{(report.Passed ? "pass\">passed" : "fail\">FAILED")}</span></h2>");
            Table(html, ["scenario", "threshold", "actual", "result"],
                report.Thresholds.Select(t => new[] { t.Scenario, t.Threshold.Describe(), t.ActualText, t.Passed ? "pass" : "FAIL" }));
        }
        if (report.Findings.Count > 0)
        {
            html.Append("<h2>Findings</h2>");
            Table(html, ["finding", "value"], report.Findings.Select(kv => new[] { kv.Key, kv.Value }));
        }
        var errors = report.Scenarios.SelectMany(s => s.ErrorsByKind.Select(e => new[] { s.Name, e.Key, MetricFormat.Number(e.Value) })).ToList();
        if (errors.Count > 0)
        {
            html.Append("<h2>Errors</h2>");
            Table(html, ["scenario", "error", "count"], errors);
        }
        if (report.Notes.Count > 0)
        {
            html.Append("<h2>Notes</h2><ul>");
            foreach (var note in report.Notes) html.Append($"<li>{E(note)}</li>");
            html.Append("</ul>");
        }
        return html.Append("</body></html>").ToString();
    }

    private static void Table(StringBuilder html, IReadOnlyList<string> headers, IEnumerable<string[]> rows)
    {
        html.Append("<table><thead><tr>");
        foreach (var header in headers) html.Append($"<th>{E(header)}</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var cell in row) html.Append(cell is "FAIL" ? $"<td class=\"fail\">{E(cell)}</td>" : $"<td>{E(cell)}</td>");
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
