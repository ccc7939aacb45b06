namespace StockStream.Tests.Infrastructure;

/// <summary>The server with its market closed (tests publish the ticks) and a replay budget of 4 KiB, a few dozen ticks.</summary>
public sealed class SmallReplayServer() : StockStreamServer(new Dictionary<string, string?>
{
    ["Market:InitialState"] = "Closed",
    ["Streaming:MaxReplayBytes"] = "4096",
});
