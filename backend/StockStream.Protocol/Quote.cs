namespace StockStream.Protocol;

/// <summary>Latest state of one instrument: <c>[symbol, seq, price, open, high, low, volume, time]</c> on the wire.</summary>
public sealed record Quote(string Symbol, ulong Seq, double Price, double Open, double High, double Low, long Volume, long Time);
