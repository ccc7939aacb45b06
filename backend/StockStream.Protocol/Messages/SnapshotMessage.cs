namespace StockStream.Protocol.Messages;

/// <summary><c>[12, [Quote...]]</c>.</summary>
public sealed record SnapshotMessage(IReadOnlyList<Quote> Quotes) : ServerMessage;
