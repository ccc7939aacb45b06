namespace StockStream.Protocol;

/// <summary>One trade: <c>[symbol, seq, price, size, time]</c> on the wire; <see cref="Time"/> in Unix microseconds.</summary>
public readonly record struct Tick(string Symbol, ulong Seq, double Price, long Size, long Time);
