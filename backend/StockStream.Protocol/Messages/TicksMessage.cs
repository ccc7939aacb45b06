namespace StockStream.Protocol.Messages;

/// <summary><c>[13, [Tick...], flags]</c>. The server builds these frames from pre-encoded ticks; clients decode them to this.</summary>
public sealed record TicksMessage(IReadOnlyList<Tick> Ticks, TickFlags Flags) : ServerMessage;
