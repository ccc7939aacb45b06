namespace StockStream.Protocol.Messages;

/// <summary><c>[16, state, serverTime]</c>.</summary>
public sealed record MarketStatusMessage(MarketState State, long ServerTime) : ServerMessage;
