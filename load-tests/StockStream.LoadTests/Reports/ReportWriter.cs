namespace StockStream.LoadTests.Reports;

/// <summary>
/// Writes a run's report as <c>report.html</c>, <c>report.md</c> and <c>report.csv</c> into its own folder, and the
/// tick-age percentile chart as <c>tick-age.svg</c>, an image a README can show.
/// </summary>
public static class ReportWriter
{
    public static IReadOnlyList<string> Write(RunReport report, string folder)
    {
        Directory.CreateDirectory(folder);
        var files = new[]
        {
            (Path.Combine(folder, "report.html"), HtmlReport.Render(report)),
            (Path.Combine(folder, "report.md"), MarkdownReport.Render(report)),
            (Path.Combine(folder, "report.csv"), CsvReport.Render(report)),
            (Path.Combine(folder, "tick-age.svg"), ReportCharts.For(report).First()),
        };
        foreach (var (path, content) in files) File.WriteAllText(path, content);
        return [.. files.Select(f => f.Item1)];
    }
}
