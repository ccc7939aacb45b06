using System.ComponentModel.DataAnnotations;

namespace StockStream.Server.Transports.SignalR;

/// <summary>Limits of the SignalR baseline, <c>/hub</c>; SignalR's own options stay at their defaults.</summary>
public sealed class SignalROptions
{
    public const string SectionName = "SignalR";

    /// <summary>Most open hub connections, further ones get 503; 0 = as many as the open-file limit allows. Default 0.</summary>
    [Range(0, 10_000_000)]
    public int MaxConnections { get; set; }
}
