using Microsoft.Extensions.DependencyInjection;
using StockStream.Server.Transports.Limits;
using StockStream.Tests.Infrastructure;

namespace StockStream.Tests.Http;

/// <summary>An SSE stream whose client stops reading is aborted once a write misses <c>Sse:SendTimeoutMs</c>.</summary>
public class SseSendDeadlineTests(KeepAliveSseServer server) : IClassFixture<KeepAliveSseServer>
{
    [Fact]
    public async Task StreamWhoseClientStopsReadingIsAbortedAndItsSlotFreed()
    {
        var budget = server.Services.GetRequiredService<ConnectionBudget>();
        using var connections = new MetricWatcher(server, "stockstream.connections");
        using var stalls = new MetricWatcher(server, "stockstream.send.stalls");
        var symbols = server.BusySymbols(3);
        using var client = await NonReadingClient.SendGetAsync(server, $"/api/sse?symbols={string.Join(',', symbols)}", "text/event-stream");
        await connections.FirstIncrease.WaitAsync(TimeSpan.FromSeconds(10));

        // Never read: published ticks fill the kernel buffers and the response pipe, then the deadline passes.
        var stalled = stalls.FirstIncrease;
        for (int i = 0; i < 300_000 && !stalled.IsCompleted; i++)
        {
            server.Hub.PublishNext(symbols[i % symbols.Count]);
            if (i % 100 == 99) await Task.WhenAny(stalled, Task.Delay(1));
        }
        await stalled.WaitAsync(TimeSpan.FromSeconds(15));
        await connections.WaitUntilAsync(() => budget.Open(ConnectionKind.SseStream) == 0, TimeSpan.FromSeconds(10));
    }
}
