using StockStream.Tests.Infrastructure;

namespace StockStream.Tests.Http;

/// <summary>The contract again, with answers in MessagePack (<c>Accept: application/x-msgpack</c>).</summary>
public class LongPollingMessagePackContractTests(StockStreamServer server) : TransportContractTests(server), IClassFixture<StockStreamServer>
{
    protected override Task<TransportSession> OpenAsync(IReadOnlyList<string> symbols, object? resumeToken = null) =>
        Task.FromResult<TransportSession>(new PollSession(Server, [.. symbols], (string?)resumeToken, messagePack: true));
}
