namespace StockStream.Tests.Infrastructure;

/// <summary>
/// The server with its market closed and no ticks generated, so tests decide when ticks and state changes happen;
/// at most 3 symbols per request, so the limit is reachable with listed symbols.
/// </summary>
public sealed class ClosedMarketServer() : StockStreamServer(new Dictionary<string, string?>
{
    ["Market:InitialState"] = "Closed",
    ["Streaming:MaxSymbols"] = "3",
    ["Admin:Token"] = AdminToken,
})
{
    public const string AdminToken = "test-admin-token";
}
