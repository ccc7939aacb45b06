namespace StockStream.LoadTests.Transports;

/// <summary>The ways a client can receive ticks; each is one scenario.</summary>
public enum TransportKind
{
    WebSocket,
    WebSocketJson,
    /// <summary>WebSocket, MessagePack, offering permessage-deflate as browsers do.</summary>
    WebSocketDeflate,
    /// <summary>WebSocket, JSON, offering permessage-deflate.</summary>
    WebSocketJsonDeflate,
    Sse,
    LongPoll,
    SignalR,
}
