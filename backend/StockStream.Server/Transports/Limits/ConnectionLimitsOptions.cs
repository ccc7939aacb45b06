using System.ComponentModel.DataAnnotations;

namespace StockStream.Server.Transports.Limits;

/// <summary>How many connections the process holds, derived from its open-file limit.</summary>
public sealed class ConnectionLimitsOptions
{
    public const string SectionName = "Limits";

    /// <summary>Descriptors kept free for the runtime, files, Redis and refusing; 0 = 256 + a tenth of the limit. Default 0.</summary>
    [Range(0, 10_000_000)]
    public int DescriptorReserve { get; set; }

    /// <summary>Most TCP connections of any kind (Kestrel's limit); 0 = the open-file limit less the reserve. Default 0.</summary>
    [Range(0, 10_000_000)]
    public int MaxConnections { get; set; }

    /// <summary>Connections kept for short requests (and their 503s) beyond streams; 0 = a twentieth of all, at least 16. Default 0.</summary>
    [Range(0, 10_000_000)]
    public int RequestHeadroom { get; set; }

    /// <summary>The <c>Retry-After</c> of a refusal for lack of room, in seconds. Default 5.</summary>
    [Range(1, 3_600)]
    public int RetryAfterSeconds { get; set; } = 5;
}
