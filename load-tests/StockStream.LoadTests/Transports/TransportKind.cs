namespace StockStream.LoadTests.Transports;

/// <summary>The ways a client can receive ticks; each is one scenario.</summary>
public enum TransportKind
{
    WebSocket,
    WebSocketJson,
    Sse,
    LongPoll,
    SignalR,
}
