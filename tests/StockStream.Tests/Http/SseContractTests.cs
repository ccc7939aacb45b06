using StockStream.Tests.Infrastructure;

namespace StockStream.Tests.Http;

public class SseContractTests(StockStreamServer server) : TransportContractTests(server), IClassFixture<StockStreamServer>
{
    protected override async Task<TransportSession> OpenAsync(IReadOnlyList<string> symbols, object? resumeToken = null) =>
        await SseSession.OpenAsync(Server, symbols, resumeToken);
}
