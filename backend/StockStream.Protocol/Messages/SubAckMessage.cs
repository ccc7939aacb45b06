namespace StockStream.Protocol.Messages;

/// <summary><c>[11, reqId, [accepted...], [[rejected, reason]...]]</c>, the answer to Subscribe and Unsubscribe.</summary>
public sealed record SubAckMessage(uint ReqId, IReadOnlyList<string> Accepted, IReadOnlyList<SymbolRejection> Rejected) : ServerMessage;
