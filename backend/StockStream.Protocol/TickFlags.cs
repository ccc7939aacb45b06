namespace StockStream.Protocol;

/// <summary>Flags of a Ticks frame (WebSocket) or a poll answer.</summary>
[Flags]
public enum TickFlags
{
    None = 0,
    /// <summary>Ticks were dropped for this connection because it read too slowly.</summary>
    Conflated = 1,
    /// <summary>The poll cursor was older than the history the server holds, or of another epoch.</summary>
    Missed = 2,
}
