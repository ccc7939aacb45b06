namespace StockStream.LoadTests.Transports;

/// <summary>Scenario names and readable descriptions of each <see cref="TransportKind"/>.</summary>
public static class TransportNames
{
    public static readonly TransportKind[] All = [TransportKind.WebSocket, TransportKind.WebSocketJson, TransportKind.Sse, TransportKind.LongPoll, TransportKind.SignalR];

    public static string ScenarioName(this TransportKind kind) => kind switch
    {
        TransportKind.WebSocket => "ws",
        TransportKind.WebSocketJson => "ws-json",
        TransportKind.Sse => "sse",
        TransportKind.LongPoll => "long-poll",
        TransportKind.SignalR => "signalr",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Description(this TransportKind kind) => kind switch
    {
        TransportKind.WebSocket => "WebSocket, MessagePack",
        TransportKind.WebSocketJson => "WebSocket, JSON",
        TransportKind.Sse => "Server-Sent Events, JSON",
        TransportKind.LongPoll => "Long polling, MessagePack",
        TransportKind.SignalR => "SignalR hub, MessagePack",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

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
