using StockStream.Protocol.Messages;
using StockStream.Tests.Infrastructure;

namespace StockStream.Tests.Limits;

/// <summary>
/// <c>ClientLimits:ReplayBytesPerSecond</c> and <c>ReplayBurstBytes</c>: what one address has replayed, by resumes and poll
/// answers over all its connections, comes out of one budget; past it a resume gets a Snapshot and a poll fresh quotes with
/// <c>missed</c>, as the protocol allows for ticks no longer held.
/// </summary>
public class ReplayRateServerTests
{
    private static readonly TimeSpan Bound = ProtocolClient.DefaultTimeout;

    [Fact]
    public async Task AResumePastTheAddressBudgetStartsFromASnapshotOnAnotherConnectionToo()
    {
        await using var server = await StartAsync();
        var symbols = server.BusySymbols(1);
        var seen = new Dictionary<string, ulong> { [symbols[0]] = server.Hub.Feeds.Single(f => f.Symbol == symbols[0]).Quote.Seq };
        var missed = Enumerable.Range(0, 30).Select(_ => server.Hub.PublishNext(symbols[0])).ToList(); // about 2.6 KB of JSON

        await using (var first = await server.ConnectAsync())
        {
            await first.SubscribeAsync(symbols, seen);
            await first.ReceiveAsync<SubAckMessage>();
            var (_, replayed) = await first.ReceiveUntilAsync<TicksMessage>(t => t.Ticks[^1].Seq == missed[^1].Seq, Bound);
            Assert.DoesNotContain(replayed, m => m is SnapshotMessage);
        }

        // The same resume again: the address has drawn most of its 4 KiB.
        await using var second = await server.ConnectAsync();
        await second.SubscribeAsync(symbols, seen);
        await second.ReceiveAsync<SubAckMessage>();
        var snapshot = await second.ReceiveAsync<SnapshotMessage>();
        Assert.Equal(missed[^1].Seq, snapshot.Quotes.Single().Seq);

        // A live tick follows the snapshot at once: the stream itself is not limited.
        var next = server.Hub.PublishNext(symbols[0]);
        var live = await second.ReceiveAsync<TicksMessage>();
        Assert.Equal(next.Seq, live.Ticks.Single().Seq);
    }

    [Fact]
    public async Task PollAnswersDrawOnTheSameBudgetAndPastItAnswerFreshQuotesAndMissed()
    {
        await using var server = await StartAsync();
        var symbols = server.BusySymbols(2);
        var start = await server.PollAsync(symbols);
        for (int i = 0; i < 30; i++) server.Hub.PublishNext(symbols[i % 2]);

        var full = await server.PollAsync(symbols, start.Cursor, timeoutMs: 0).WaitAsync(Bound);
        Assert.False(full.Missed);
        Assert.Equal(30, full.Ticks.Count);

        for (int i = 0; i < 30; i++) server.Hub.PublishNext(symbols[i % 2]);
        var refused = await server.PollAsync(symbols, full.Cursor, timeoutMs: 0).WaitAsync(Bound);
        Assert.True(refused.Missed);
        Assert.Empty(refused.Ticks);
        Assert.Equal(symbols.Order(), refused.Quotes.Select(q => q.Symbol).Order());
    }

    private static async Task<ReplayRateServer> StartAsync()
    {
        var server = new ReplayRateServer();
        await server.InitializeAsync();
        return server;
    }

    /// <summary>Market closed (the test publishes), 4 KiB of replay per address refilled at 16 B/s: a second replay finds it spent.</summary>
    private sealed class ReplayRateServer() : StockStreamServer(new Dictionary<string, string?>
    {
        ["Market:InitialState"] = "Closed",
        ["ClientLimits:ReplayBytesPerSecond"] = "16",
        ["ClientLimits:ReplayBurstBytes"] = "4096",
    }), IAsyncDisposable
    {
        ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());
    }
}
