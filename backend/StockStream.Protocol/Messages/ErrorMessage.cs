namespace StockStream.Protocol.Messages;

/// <summary><c>[15, code, message, reqId or nil]</c>; codes in <see cref="ErrorCodes"/>.</summary>
public sealed record ErrorMessage(int Code, string Message, uint? ReqId = null) : ServerMessage;
