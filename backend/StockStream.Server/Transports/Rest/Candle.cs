namespace StockStream.Server.Transports.Rest;

/// <summary>One OHLCV bar; <see cref="Time"/> is the Unix time in seconds at which its bucket starts.</summary>
public sealed record Candle(long Time, double Open, double High, double Low, double Close, long Volume);
