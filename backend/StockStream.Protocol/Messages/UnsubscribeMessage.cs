namespace StockStream.Protocol.Messages;

/// <summary><c>[2, reqId, [symbol...]]</c>.</summary>
public sealed record UnsubscribeMessage(uint ReqId, IReadOnlyList<string> Symbols) : ClientMessage;
