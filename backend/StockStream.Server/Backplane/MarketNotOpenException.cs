namespace StockStream.Server.Backplane;

/// <summary>
/// A batch was refused because the market had left the open state before it could be published: its ticks never
/// happened, and the generator continues from the stream as it stands.
/// </summary>
public sealed class MarketNotOpenException() : InvalidOperationException("The market is not open.");
