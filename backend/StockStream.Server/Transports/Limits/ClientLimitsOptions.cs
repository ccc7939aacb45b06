using System.ComponentModel.DataAnnotations;

namespace StockStream.Server.Transports.Limits;

/// <summary>What one client address may hold and ask for; 0 turns a limit off.</summary>
public sealed class ClientLimitsOptions
{
    public const string SectionName = "ClientLimits";

    /// <summary>Open streams (WebSockets, SSE, held polls, SignalR) per address. Default 1,000.</summary>
    [Range(0, 10_000_000)]
    public int ConnectionsPerClient { get; set; } = 1_000;

    /// <summary>Stream openings (handshakes) per second per address, bursts of twice that. Default 100.</summary>
    [Range(0, 10_000_000)]
    public int ConnectAttemptsPerSecond { get; set; } = 100;

    /// <summary>Requests per second per address on the REST and poll endpoints, bursts of twice that. Default 1,000.</summary>
    [Range(0, 10_000_000)]
    public int RequestsPerSecond { get; set; } = 1_000;

    /// <summary>
    /// After an address's WebSocket handshake is refused for its limits, answer its new connections 503 as they are
    /// accepted, before their request is read, until the <c>Retry-After</c> it was given has passed. Default true.
    /// </summary>
    public bool RefuseEarly { get; set; } = true;

    /// <summary>
    /// Bytes of replay per second per address (missed ticks of WebSocket and SSE resumes and every tick of poll answers, at
    /// their JSON size), shared by the address's connections; past it a resume gets a Snapshot and a poll fresh quotes with
    /// <c>missed</c>. Default 1,048,576 (1 MiB/s).
    /// </summary>
    [Range(0, 1_073_741_824)]
    public int ReplayBytesPerSecond { get; set; } = 1 << 20;

    /// <summary>Most bytes of replay an address may draw at once after a quiet time (the bucket's size). Default 4,194,304 (4 MiB).</summary>
    [Range(1_024, 1_073_741_824)]
    public int ReplayBurstBytes { get; set; } = 4 << 20;

    /// <summary>Exempts 127.0.0.0/8 and ::1, for load tests that open thousands of connections from one address. Default false.</summary>
    public bool ExemptLoopback { get; set; }

    /// <summary>Addresses of reverse proxies whose X-Forwarded-For/-Proto/-Host are believed. Default none.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks (CIDR, e.g. 10.0.0.0/8) of such proxies. Default none.</summary>
    public string[] KnownNetworks { get; set; } = [];
}
