using System.Globalization;
using System.Text.RegularExpressions;

namespace StockStream.LoadTests.Scenarios.Abuse;

/// <summary>
/// The server's own count of what it refused, dropped or cut short, by kind: the labelled series of its refusal, rejected
/// input, send stall, refused replay and conflation counters on <c>/metrics</c>, read before and after the abuse.
/// </summary>
public sealed partial class RefusalCounts(HttpClient http, Uri baseAddress)
{
    private static readonly string[] Counters =
    [
        "stockstream_refused_total", "stockstream_inputs_rejected_total", "stockstream_send_stalls_total",
        "stockstream_replays_refused_total", "stockstream_ticks_conflated_total", "kestrel_rejected_connections_total",
    ];

    /// <summary>Each series (<c>name{labels}</c>) now; empty when the server serves no metrics.</summary>
    public async Task<IReadOnlyDictionary<string, double>> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return Parse(await http.GetStringAsync(new Uri(baseAddress, "metrics"), cancellationToken));
        }
        catch (HttpRequestException)
        {
            return new Dictionary<string, double>();
        }
    }

    /// <summary>The refusal series of a Prometheus text page, by their full name with labels.</summary>
    public static Dictionary<string, double> Parse(string text)
    {
        var series = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#' || !Counters.Any(c => line.StartsWith(c, StringComparison.Ordinal))) continue;
            int valueStart = line.LastIndexOf('}') is >= 0 and var close ? close + 1 : line.IndexOf(' ', StringComparison.Ordinal);
            if (valueStart <= 0) continue;
            var value = line[valueStart..].Trim().Split(' ')[0];
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number)) series[line[..valueStart].Trim()] = number;
        }
        return series;
    }

    /// <summary>What changed between the two readings, as report rows: "refused{reason="client limit"}" → "1,234"; none when nothing did.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Change(IReadOnlyDictionary<string, double> before, IReadOnlyDictionary<string, double> after) =>
        after.Select(s => (Series: s.Key, Delta: s.Value - before.GetValueOrDefault(s.Key)))
            .Where(s => s.Delta > 0)
            .OrderBy(s => s.Series, StringComparer.Ordinal)
            .Select(s => new KeyValuePair<string, string>($"server: {Readable(s.Series)}", s.Delta.ToString("#,0", CultureInfo.InvariantCulture)));

    private static string Readable(string series) =>
        ScopeLabel().Replace(series.Replace("stockstream_", "", StringComparison.Ordinal).Replace("_total", "", StringComparison.Ordinal), "")
            .Replace("{}", "", StringComparison.Ordinal);

    [GeneratedRegex("otel_scope_[a-z_]+=\"[^\"]*\",?")]
    private static partial Regex ScopeLabel();
}
