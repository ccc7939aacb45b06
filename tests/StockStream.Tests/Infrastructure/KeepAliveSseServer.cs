namespace StockStream.Tests.Infrastructure;

/// <summary>The server with its market closed (tests publish the ticks) and SSE keep-alive comments every 200 ms.</summary>
public sealed class KeepAliveSseServer() : StockStreamServer(new Dictionary<string, string?>
{
    ["Market:InitialState"] = "Closed",
    ["Sse:KeepAliveMs"] = "200",
})
{
}
