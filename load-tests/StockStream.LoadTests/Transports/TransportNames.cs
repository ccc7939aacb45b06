using StockStream.Protocol;

namespace StockStream.LoadTests.Transports;

/// <summary>Scenario names and readable descriptions of each <see cref="TransportKind"/>.</summary>
public static class TransportNames
{
    public static readonly TransportKind[] All =
        [TransportKind.WebSocket, TransportKind.WebSocketJson, TransportKind.Sse, TransportKind.LongPoll, TransportKind.SignalR,
            TransportKind.WebSocketDeflate, TransportKind.WebSocketJsonDeflate];

    public static string ScenarioName(this TransportKind kind) => kind switch
    {
        TransportKind.WebSocket => "ws",
        TransportKind.WebSocketJson => "ws-json",
        TransportKind.WebSocketDeflate => "ws-deflate",
        TransportKind.WebSocketJsonDeflate => "ws-json-deflate",
        TransportKind.Sse => "sse",
        TransportKind.LongPoll => "long-poll",
        TransportKind.SignalR => "signalr",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Description(this TransportKind kind) => kind switch
    {
        TransportKind.WebSocket => "WebSocket, MessagePack",
        TransportKind.WebSocketJson => "WebSocket, JSON",
        TransportKind.WebSocketDeflate => "WebSocket, MessagePack, permessage-deflate",
        TransportKind.WebSocketJsonDeflate => "WebSocket, JSON, permessage-deflate",
        TransportKind.Sse => "Server-Sent Events, JSON",
        TransportKind.LongPoll => "Long polling, MessagePack",
        TransportKind.SignalR => "SignalR hub, MessagePack",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool IsWebSocket(this TransportKind kind) =>
        kind is TransportKind.WebSocket or TransportKind.WebSocketJson or TransportKind.WebSocketDeflate or TransportKind.WebSocketJsonDeflate;

    /// <summary>Whether the client offers permessage-deflate (and requires the server to accept it).</summary>
    public static bool OffersDeflate(this TransportKind kind) => kind is TransportKind.WebSocketDeflate or TransportKind.WebSocketJsonDeflate;

    public static WireFormat WebSocketFormat(this TransportKind kind) =>
        kind is TransportKind.WebSocketJson or TransportKind.WebSocketJsonDeflate ? WireFormat.Json : WireFormat.MessagePack;

    /// <summary>The scenario names, comma-separated, as the command line takes them.</summary>
    public static string List => string.Join(", ", All.Select(k => k.ScenarioName()));

    /// <summary>The transport a scenario name stands for; false for a name no transport has.</summary>
    public static bool TryParse(string name, out TransportKind kind)
    {
        foreach (var candidate in All)
        {
            kind = candidate;
            if (candidate.ScenarioName() == name) return true;
        }
        kind = default;
        return false;
    }
}
