namespace StockStream.Tests.Infrastructure;

/// <summary>
/// The server with its market closed (tests publish the ticks), poll answers of up to 16 MiB and a 1 s send deadline
/// for them, so a client that does not read a large answer meets the deadline within moments.
/// </summary>
public sealed class LargeAnswerPollServer() : StockStreamServer(new Dictionary<string, string?>
{
    ["Market:InitialState"] = "Closed",
    ["Streaming:MaxReplayBytes"] = "16777216",
    ["LongPolling:SendTimeoutMs"] = "1000",
});
