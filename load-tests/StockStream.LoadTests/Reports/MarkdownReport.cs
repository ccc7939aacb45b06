using System.Text;

namespace StockStream.LoadTests.Reports;

/// <summary>Writes a run as GitHub-flavoured Markdown: settings, result tables, thresholds, findings, errors and notes.</summary>
public static class MarkdownReport
{
    public static string Render(RunReport report)
    {
        var md = new StringBuilder();
        md.AppendLine($"# StockStream load test: {report.Command}").AppendLine();
        md.AppendLine($"**Result: {report.Result}**").AppendLine();
        md.AppendLine($"Started {report.StartedUtc:yyyy-MM-dd HH:mm:ss} UTC. Command: `{report.CommandLine}`").AppendLine();
        Table(md, ["setting", "value"], report.Settings.Select(kv => new[] { kv.Key, kv.Value }));

        foreach (var (title, columns) in ResultColumns.TablesFor(report.Scenarios))
        {
            md.AppendLine($"## {title}").AppendLine();
            var values = columns.Select(c => ResultColumns.Column(c).Display).ToArray();
            Table(md, columns, report.Scenarios.Select(s => values.Select(v => v(s)).ToArray()));
        }

        if (ServerMetricsTable.Rows(report) is { Count: > 0 } serverRows)
        {
            md.AppendLine($"## {ServerMetricsTable.Title}").AppendLine();
            Table(md, ServerMetricsTable.Headers(report), serverRows);
        }
        if (report.Thresholds.Count > 0)
        {
            md.AppendLine($"## Thresholds: {(report.Passed ? "passed" : "FAILED")}").AppendLine();
            Table(md, ["scenario", "threshold", "actual", "result"],
                report.Thresholds.Select(t => new[] { t.Scenario, t.Threshold.Describe(), t.ActualText, t.Passed ? "pass" : "FAIL" }));
        }
        if (report.Findings.Count > 0)
        {
            md.AppendLine("## Findings").AppendLine();
            Table(md, ["finding", "value"], report.Findings.Select(kv => new[] { kv.Key, kv.Value }));
        }
        var errors = report.Scenarios.SelectMany(s => s.ErrorsByKind.Select(e => new[] { s.Name, e.Key, MetricFormat.Number(e.Value) })).ToList();
        if (errors.Count > 0)
        {
            md.AppendLine("## Errors").AppendLine();
            Table(md, ["scenario", "error", "count"], errors);
        }
        if (report.Notes.Count > 0)
        {
            md.AppendLine("## Notes").AppendLine();
            foreach (var note in report.Notes) md.AppendLine($"- {note}");
            md.AppendLine();
        }
        return md.ToString();
    }

    private static void Table(StringBuilder md, IReadOnlyList<string> headers, IEnumerable<string[]> rows)
    {
        md.AppendLine($"| {string.Join(" | ", headers)} |");
        md.AppendLine($"|{string.Join("|", headers.Select((_, i) => i == 0 ? "---" : "---:"))}|");
        foreach (var row in rows) md.AppendLine($"| {string.Join(" | ", row.Select(Escape))} |");
        md.AppendLine();
    }

    private static string Escape(string cell) => cell.Replace("|", "\\|", StringComparison.Ordinal);
}
