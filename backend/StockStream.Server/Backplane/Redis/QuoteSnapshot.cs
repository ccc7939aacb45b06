using StockStream.Protocol;

namespace StockStream.Server.Backplane.Redis;

/// <summary>Every symbol's quote as of a stream offset: where a joining node's quotes start.</summary>
internal sealed record QuoteSnapshot(ulong Offset, IReadOnlyList<Quote> Quotes);
