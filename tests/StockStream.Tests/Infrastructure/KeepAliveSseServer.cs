namespace StockStream.Tests.Infrastructure;

/// <summary>The server with its market closed (tests publish the ticks) and SSE keep-alive comments every 200 ms and a 1 s send deadline.</summary>
public sealed class KeepAliveSseServer() : StockStreamServer(new Dictionary<string, string?>
{
    ["Market:InitialState"] = "Closed",
    ["Sse:KeepAliveMs"] = "200",
    ["Sse:SendTimeoutMs"] = "1000",
})
{
}
