using System.Net;

namespace StockStream.LoadTests.Server;

/// <summary>
/// Reads the server's own <c>stockstream_*</c> metrics from <c>/metrics</c> (Prometheus text) before and after a scenario,
/// so the report can set the server's view (ticks generated, sent, conflated, stalls) beside the clients'.
/// </summary>
public sealed class ServerMetricsScraper(HttpClient http, Uri baseAddress)
{
    public const string Prefix = "stockstream_";

    /// <summary>The server's metrics now; null when it serves none.</summary>
    public async Task<IReadOnlyDictionary<string, double>?> ScrapeAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(baseAddress, "metrics"), cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK) return null;
            return FromPrometheusText(await response.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>The product's own metrics of a Prometheus text page, each summed over its labels.</summary>
    public static Dictionary<string, double> FromPrometheusText(string text) =>
        // Histogram buckets summed over their bounds mean nothing; _count and _sum carry the histogram.
        PrometheusProbe.Parse(text)
            .Where(m => m.Key.StartsWith(Prefix, StringComparison.Ordinal) && !m.Key.EndsWith("_bucket", StringComparison.Ordinal))
            .ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal);

    /// <summary>Counters and histogram counts and sums only grow; everything else is a gauge.</summary>
    public static bool IsCumulative(string name) =>
        name.EndsWith("_total", StringComparison.Ordinal) || name.EndsWith("_count", StringComparison.Ordinal) || name.EndsWith("_sum", StringComparison.Ordinal);

    /// <summary>How each metric changed from <paramref name="before"/> to <paramref name="after"/> (gauges: their value after).</summary>
    public static IReadOnlyDictionary<string, double> Change(IReadOnlyDictionary<string, double>? before, IReadOnlyDictionary<string, double>? after)
    {
        if (after is null) return new Dictionary<string, double>();
        return after.ToDictionary(
            m => m.Key,
            m => IsCumulative(m.Key) ? m.Value - (before?.GetValueOrDefault(m.Key) ?? 0) : m.Value,
            StringComparer.Ordinal);
    }
}
