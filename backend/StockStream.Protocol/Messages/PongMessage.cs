namespace StockStream.Protocol.Messages;

/// <summary><c>[14, clientTime, serverTime]</c>; <see cref="RawClientTime"/> is the Ping's value, byte for byte.</summary>
public sealed record PongMessage(ReadOnlyMemory<byte> RawClientTime, long ServerTime) : ServerMessage;
