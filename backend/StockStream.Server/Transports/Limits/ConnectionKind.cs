namespace StockStream.Server.Transports.Limits;

/// <summary>The long-lived connections the server counts against its capacity.</summary>
public enum ConnectionKind
{
    WebSocket,
    SseStream,
    HeldPoll,
}
