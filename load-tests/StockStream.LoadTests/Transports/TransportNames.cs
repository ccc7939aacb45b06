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

    public static TransportKind Parse(string name) =>
        All.FirstOrDefault(k => k.ScenarioName() == name, (TransportKind)(-1)) is var kind && Enum.IsDefined(kind)
            ? kind
            : throw new ArgumentException($"Unknown transport '{name}'; use {string.Join(", ", All.Select(k => k.ScenarioName()))}.");
}
