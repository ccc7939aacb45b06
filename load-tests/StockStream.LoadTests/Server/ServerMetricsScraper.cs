using System.Net;
using StockStream.Testing;

namespace StockStream.LoadTests.Server;

/// <summary>
/// Reads the server's own <c>stockstream_*</c> metrics (and the runtime's GC, thread pool and Kestrel ones) from <c>/metrics</c>
/// (Prometheus text) before and after a scenario, so the report can set the server's view (ticks generated, sent, conflated,
/// stalls, GC pauses) beside the clients'. With several nodes each metric is summed over them.
/// </summary>
public sealed class ServerMetricsScraper(HttpClient http, IReadOnlyList<Uri> nodes)
{
    /// <summary>The product's metrics, and the runtime's that explain latency outliers: GC, thread pool queue, lock contention, Kestrel.</summary>
    private static readonly string[] Prefixes =
        ["stockstream_", "dotnet_gc_", "dotnet_thread_pool_", "dotnet_monitor_lock_contentions", "kestrel_"];

    /// <summary>The server's metrics now, summed over its nodes; null when none serves them.</summary>
    public async Task<IReadOnlyDictionary<string, double>?> ScrapeAsync(CancellationToken cancellationToken)
    {
        var pages = await Task.WhenAll(nodes.Select(node => ScrapeAsync(node, cancellationToken)));
        if (pages.All(p => p is null)) return null;
        return pages.OfType<Dictionary<string, double>>().SelectMany(p => p)
            .GroupBy(m => m.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(m => m.Value), StringComparer.Ordinal);
    }

    private async Task<Dictionary<string, double>?> ScrapeAsync(Uri baseAddress, CancellationToken cancellationToken)
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

    /// <summary>The metrics of a Prometheus text page the report shows, each summed over its labels.</summary>
    public static Dictionary<string, double> FromPrometheusText(string text) =>
        // Histogram buckets summed over their bounds mean nothing; _count and _sum carry the histogram.
        PrometheusText.Parse(text)
            .Where(m => Prefixes.Any(p => m.Key.StartsWith(p, StringComparison.Ordinal)) && !m.Key.EndsWith("_bucket", StringComparison.Ordinal))
            .ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal);

    /// <summary>
    /// The runtime's observable up-down counters, which OpenTelemetry's Prometheus exporter writes as counters with a
    /// <c>_total</c> suffix (open-telemetry/opentelemetry-dotnet#3974) although they go up and down: read as gauges, or
    /// "queue length after − before" shows −1.
    /// </summary>
    private static readonly string[] GaugesExportedAsCounters = ["dotnet_thread_pool_queue_length_total", "dotnet_thread_pool_thread_count_total"];

    /// <summary>Counters and histogram counts and sums only grow; everything else is a gauge.</summary>
    public static bool IsCumulative(string name) =>
        !GaugesExportedAsCounters.Contains(name, StringComparer.Ordinal)
        && (name.EndsWith("_total", StringComparison.Ordinal) || name.EndsWith("_count", StringComparison.Ordinal) || name.EndsWith("_sum", StringComparison.Ordinal));

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
