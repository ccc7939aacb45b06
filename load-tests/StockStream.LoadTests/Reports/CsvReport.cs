using System.Text;

namespace StockStream.LoadTests.Reports;

/// <summary>Writes one CSV row per scenario with every result column (RFC 4180 quoting), for spreadsheets and scripts.</summary>
public static class CsvReport
{
    public static string Render(RunReport report)
    {
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(',', ResultColumns.All.Select(c => Quote(c.Header))));
        foreach (var stats in report.Scenarios)
            csv.AppendLine(string.Join(',', ResultColumns.All.Select(c => Quote(c.Raw(stats)))));
        return csv.ToString();
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
