namespace StockStream.Protocol.Messages;

/// <summary><c>[3, clientTime]</c>; the client time is opaque, kept as the raw encoded value so a Pong echoes it exactly.</summary>
public sealed record PingMessage(ReadOnlyMemory<byte> RawClientTime) : ClientMessage;
