namespace StockStream.Tests.Infrastructure;

/// <summary>The server keeping only 16 ticks per symbol, so cursors go stale within moments.</summary>
public sealed class SmallHistoryServer() : StockStreamServer(new Dictionary<string, string?>
{
    ["Streaming:HistoryMaxTicksPerSymbol"] = "16",
});
