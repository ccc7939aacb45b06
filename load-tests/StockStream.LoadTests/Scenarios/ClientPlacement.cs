using System.Net;
using StockStream.LoadTests.Transports;

namespace StockStream.LoadTests.Scenarios;

/// <summary>How a scenario's clients behave as a fleet: whether they reconnect and resume, and which local addresses they connect from.</summary>
public sealed record ClientPlacement
{
    /// <summary>WebSocket clients reconnect after a drop and resume; null ends their session instead. Default null.</summary>
    public ReconnectPolicy? Reconnect { get; init; }

    /// <summary>Local addresses the clients connect from, in turn (e.g. 127.0.0.2, 127.0.0.3), so one address's ports do not run out. Default none.</summary>
    public IReadOnlyList<IPAddress> SourceAddresses { get; init; } = [];
}
