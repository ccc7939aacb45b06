using System.Globalization;
using System.Text;

namespace StockStream.LoadTests.Server;

/// <summary>
/// The configuration of an HAProxy balancing HTTP, WebSocket, SSE and long polling over the nodes without sticky sessions:
/// least connections, nodes checked on <c>/healthz</c> every second, a failed connect retried on another node.
/// </summary>
public sealed record HaProxyConfig(IReadOnlyList<string> Listen, IReadOnlyList<Uri> Nodes)
{
    /// <summary>
    /// Connections one HAProxy process carries: each holds two descriptors (client and node side) under the process's
    /// open-file limit, with a reserve for listeners, checks and logs. 9,500 under the usual 20,000.
    /// </summary>
    public static int MaxConnectionsFor(long openFileLimit) => (int)Math.Clamp((openFileLimit - 1_000) / 2, 100, 1_000_000);

    /// <summary>Connections this balancer accepts; past them new clients wait in HAProxy's queue. Default from the open-file limit.</summary>
    public int MaxConnections { get; init; } = MaxConnectionsFor(OpenFileLimit.Current());

    /// <summary>How often each node's <c>/healthz</c> is asked. Default 1 s.</summary>
    public TimeSpan CheckInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The stats page's port (<c>/stats</c>, sessions per node); null for none. Default none.</summary>
    public int? StatsPort { get; init; }

    public string Render()
    {
        string Ms(TimeSpan t) => ((long)t.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"""
            # Written by the StockStream load tool: an HAProxy in front of {Nodes.Count} nodes, no sticky sessions.
            global
                maxconn {MaxConnections}
                log stderr format short local0 notice

            defaults
                mode http
                log global
                option httplog
                option dontlognull
                # Client addresses reach the nodes in X-Forwarded-For.
                option forwardfor
                timeout connect 2s
                # Longer than the longest held poll (60 s) and the SSE keep-alive (15 s).
                timeout client 75s
                timeout server 75s
                # An upgraded WebSocket is a tunnel: idle between ticks, kept alive by the server's pings.
                timeout tunnel 1h
                timeout client-fin 5s
                timeout http-request 10s
                # A connect that fails (a node just died, before its check says so) is retried on another node.
                retries 3
                option redispatch 1
                retry-on conn-failure empty-response

            frontend stockstream
            """);
        foreach (var address in Listen) text.AppendLine(CultureInfo.InvariantCulture, $"    bind {address}");
        text.AppendLine("""
                default_backend nodes

            backend nodes
                # Long-lived streams: the node with the fewest open connections takes the next one.
                balance leastconn
                option httpchk GET /healthz
                http-check expect status 200
            """);
        text.AppendLine(CultureInfo.InvariantCulture, $"    default-server check inter {Ms(CheckInterval)} fastinter {Ms(CheckInterval / 2)} downinter {Ms(CheckInterval)} fall 2 rise 2");
        for (int i = 0; i < Nodes.Count; i++)
            text.AppendLine(CultureInfo.InvariantCulture, $"    server node-{i + 1} {Nodes[i].Host}:{Nodes[i].Port}");
        if (StatsPort is { } port)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"""

                frontend stats
                    bind 127.0.0.1:{port}
                    stats enable
                    stats uri /stats
                    stats refresh 2s
                """);
        }
        return text.ToString();
    }
}
