namespace StockStream.Protocol.Messages;

/// <summary><c>[1, reqId, [symbol...], resume?]</c>; <see cref="Resume"/> maps symbols to the last seq the client saw.</summary>
public sealed record SubscribeMessage(uint ReqId, IReadOnlyList<string> Symbols, IReadOnlyDictionary<string, ulong>? Resume = null) : ClientMessage;
