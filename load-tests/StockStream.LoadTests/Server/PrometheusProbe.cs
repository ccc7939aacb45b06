using StockStream.Testing;

namespace StockStream.LoadTests.Server;

/// <summary>Reads the server's CPU time and memory from its Prometheus <c>/metrics</c> text, for a server on another host.</summary>
public sealed class PrometheusProbe(HttpClient http, Uri metricsUri) : IServerProbe
{
    // .NET's own runtime metrics first (as the server exports them), then the common Prometheus client names.
    private static readonly string[] CpuNames = ["dotnet_process_cpu_time_seconds_total", "process_cpu_seconds_total", "process_cpu_time_seconds_total"];
    private static readonly string[] MemoryNames = ["dotnet_process_memory_working_set_bytes", "process_resident_memory_bytes", "process_working_set_bytes"];

    public string Source => metricsUri.ToString();

    public async Task<ResourceSnapshot> SampleAsync(CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        try
        {
            var metrics = PrometheusText.Parse(await http.GetStringAsync(metricsUri, cancellationToken));
            double? cpu = Find(metrics, CpuNames);
            double? rss = Find(metrics, MemoryNames);
            return ResourceSnapshot.Client(now, cpu is { } c ? TimeSpan.FromSeconds(c) : null, rss is { } r ? (long)r : null);
        }
        catch (HttpRequestException)
        {
            return ResourceSnapshot.Client(now);
        }
    }

    private static double? Find(Dictionary<string, double> metrics, string[] names)
    {
        foreach (var name in names)
        {
            if (metrics.TryGetValue(name, out double value)) return value;
        }
        return null;
    }
}
