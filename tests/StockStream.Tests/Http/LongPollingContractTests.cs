using StockStream.Tests.Infrastructure;

namespace StockStream.Tests.Http;

public class LongPollingContractTests(StockStreamServer server) : TransportContractTests(server), IClassFixture<StockStreamServer>
{
    protected override Task<TransportSession> OpenAsync(IReadOnlyList<string> symbols, object? resumeToken = null) =>
        Task.FromResult<TransportSession>(new PollSession(Server, [.. symbols], (string?)resumeToken, messagePack: false));
}
