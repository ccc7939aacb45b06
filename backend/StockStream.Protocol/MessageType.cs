namespace StockStream.Protocol;

/// <summary>The integer that starts every protocol message.</summary>
public enum MessageType
{
    Subscribe = 1,
    Unsubscribe = 2,
    Ping = 3,
    Hello = 10,
    SubAck = 11,
    Snapshot = 12,
    Ticks = 13,
    Pong = 14,
    Error = 15,
    MarketStatus = 16,
}
