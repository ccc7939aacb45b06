namespace StockStream.Server.Transports.Limits;

/// <summary>The long-lived connections the server counts against its capacity.</summary>
public enum ConnectionKind
{
    WebSocket,
    SseStream,
    HeldPoll,
    /// <summary>A connection of the SignalR baseline, <c>/hub</c> (its WebSocket, SSE or long-polling transport).</summary>
    HubConnection,
}
