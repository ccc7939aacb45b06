using System.Net;
using StockStream.Testing;

namespace StockStream.LoadTests.Server;

/// <summary>Each node's open streaming connections (its <c>stockstream_connections</c> gauge) and resident memory at one moment.</summary>
public sealed record NodeCensus(IReadOnlyList<long?> Connections, IReadOnlyList<long?> RssBytes)
{
    public long TotalConnections => Connections.Sum(c => c ?? 0);

    public static async Task<NodeCensus> TakeAsync(HttpClient http, LocalCluster cluster, CancellationToken cancellationToken)
    {
        var nodes = cluster.Nodes;
        var connections = await Task.WhenAll(nodes.Select(n => ConnectionsAsync(http, n.BaseAddress, cancellationToken)));
        var rss = await Task.WhenAll(nodes.Select(async n => n.HasExited ? null : (await new ProcStatProbe(n.ProcessId).SampleAsync(cancellationToken)).ServerRssBytes));
        return new NodeCensus(connections, rss);
    }

    private static async Task<long?> ConnectionsAsync(HttpClient http, Uri node, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(node, "metrics"), cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK) return null;
            var metrics = PrometheusText.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            return metrics.TryGetValue("stockstream_connections", out double open) ? (long)open : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null; // gone, or too busy to answer in time
        }
    }
}
