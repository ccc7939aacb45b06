using Microsoft.Extensions.DependencyInjection;
using StockStream.Server.Transports.Limits;
using StockStream.Tests.Infrastructure;

namespace StockStream.Tests.Http;

/// <summary>A poll whose client does not read its answer is aborted once the write misses <c>LongPolling:SendTimeoutMs</c>.</summary>
public class PollSendDeadlineTests(LargeAnswerPollServer server) : IClassFixture<LargeAnswerPollServer>
{
    [Fact]
    public async Task AnswerTheClientDoesNotReadEndsTheRequestAndFreesItsSlot()
    {
        var budget = server.Services.GetRequiredService<ConnectionBudget>();
        var symbols = server.BusySymbols(3);
        var start = await server.PollAsync(symbols);
        // About 1 MB of JSON: far more than the kernel buffers and the response pipe take while nobody reads.
        for (int i = 0; i < 12_000; i++) server.Hub.PublishNext(symbols[i % symbols.Count]);
        using var stalls = new MetricWatcher(server, "stockstream.send.stalls");

        using var client = await NonReadingClient.SendGetAsync(server,
            "/api/poll?" + HttpTransportClient.PollQuery(symbols, start.Cursor, timeoutMs: 0), "application/json");

        await stalls.FirstIncrease.WaitAsync(TimeSpan.FromSeconds(15));
        await stalls.WaitUntilAsync(() => budget.Open(ConnectionKind.HeldPoll) == 0, TimeSpan.FromSeconds(10));
        var after = await server.PollAsync(symbols, start.Cursor, timeoutMs: 0).WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(12_000, after.Ticks.Count); // the server goes on answering: this client reads
    }
}
