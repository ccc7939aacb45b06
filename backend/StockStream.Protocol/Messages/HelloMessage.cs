namespace StockStream.Protocol.Messages;

/// <summary><c>[10, protocolVersion, connectionId, serverTime, heartbeatMs, maxSymbols, epoch]</c>, always the first frame.</summary>
public sealed record HelloMessage(int ProtocolVersion, string ConnectionId, long ServerTime, int HeartbeatMs, int MaxSymbols, string Epoch) : ServerMessage;
