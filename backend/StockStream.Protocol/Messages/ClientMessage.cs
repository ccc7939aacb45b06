namespace StockStream.Protocol.Messages;

/// <summary>A message a client sends to the server.</summary>
public abstract record ClientMessage;
