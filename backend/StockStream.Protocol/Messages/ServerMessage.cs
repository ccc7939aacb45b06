namespace StockStream.Protocol.Messages;

/// <summary>A message the server sends to a client.</summary>
public abstract record ServerMessage;
