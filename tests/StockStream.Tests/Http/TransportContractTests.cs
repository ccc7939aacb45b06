using StockStream.Protocol;
using StockStream.Tests.Infrastructure;

namespace StockStream.Tests.Http;

/// <summary>
/// The delivery rules every transport keeps, run against WebSocket, long polling and SSE alike: Quotes first, then
/// each symbol's ticks in order with contiguous seqs, a resume that continues exactly after the last delivered tick,
/// and no ticks of a symbol once it is stopped.
/// </summary>
public abstract class TransportContractTests(StockStreamServer server)
{
    protected StockStreamServer Server => server;

    protected abstract Task<TransportSession> OpenAsync(IReadOnlyList<string> symbols, object? resumeToken = null);

    [Fact]
    public async Task StartsWithQuotesThenContiguousTicksInStreamOrder()
    {
        var symbols = server.BusySymbols(3);
        await using var session = await OpenAsync(symbols);
        var first = await session.NextAsync();
        Assert.Equal(symbols.Order(), first.Quotes.Select(q => q.Symbol).Order());
        Assert.False(first.Gap);
        var last = first.Quotes.ToDictionary(q => q.Symbol, q => q.Seq);
        await ReceiveContiguousAsync(session, last, ticks: 150, first.Ticks);
    }

    [Fact]
    public async Task ResumesAfterTheLastDeliveredTickWithoutAGap()
    {
        var symbols = server.BusySymbols(2);
        object token;
        Dictionary<string, ulong> last;
        await using (var session = await OpenAsync(symbols))
        {
            var first = await session.NextAsync();
            last = first.Quotes.ToDictionary(q => q.Symbol, q => q.Seq);
            await ReceiveContiguousAsync(session, last, ticks: 20, first.Ticks);
            token = session.ResumeToken;
        }
        // Let the stream move on while nobody listens.
        var feed = server.Hub.Feeds.Single(f => f.Symbol == symbols[0]);
        for (int i = 0; i < 3; i++) await feed.NextTickAsync().WaitAsync(ProtocolClient.DefaultTimeout);

        await using var resumed = await OpenAsync(symbols, token);
        var next = await resumed.NextAsync();
        Assert.Empty(next.Quotes); // Quotes would mean the transport restarted instead of resuming
        Assert.NotEmpty(next.Ticks);
        await ReceiveContiguousAsync(resumed, last, ticks: 20, next.Ticks);
    }

    [Fact]
    public async Task StoppedSymbolGetsNoTicksWhileOthersContinue()
    {
        var symbols = server.BusySymbols(2);
        await using var session = await OpenAsync(symbols);
        var first = await session.NextAsync();
        var last = first.Quotes.ToDictionary(q => q.Symbol, q => q.Seq);
        await ReceiveContiguousAsync(session, last, ticks: 10, first.Ticks);

        foreach (var before in await session.UnsubscribeAsync(symbols[1])) Check(before.Ticks, last);
        int kept = 0;
        while (kept < 30)
        {
            var delivery = await session.NextAsync();
            Assert.DoesNotContain(delivery.Ticks, t => t.Symbol == symbols[1]);
            Assert.Empty(delivery.Quotes);
            kept += Check(delivery.Ticks, last);
        }
    }

    /// <summary>Reads until <paramref name="ticks"/> more have arrived, asserting each continues its symbol's seq.</summary>
    private static async Task ReceiveContiguousAsync(TransportSession session, Dictionary<string, ulong> last, int ticks, IReadOnlyList<Tick> already)
    {
        int received = Check(already, last);
        while (received < ticks)
        {
            var delivery = await session.NextAsync();
            Assert.False(delivery.Gap, "no ticks may be lost on a reader that keeps up");
            Assert.Empty(delivery.Quotes);
            received += Check(delivery.Ticks, last);
        }
    }

    private static int Check(IReadOnlyList<Tick> ticks, Dictionary<string, ulong> last)
    {
        for (int i = 0; i < ticks.Count; i++)
        {
            var tick = ticks[i];
            Assert.True(last.ContainsKey(tick.Symbol), $"{tick.Symbol} was not asked for");
            Assert.Equal(last[tick.Symbol] + 1, tick.Seq);
            last[tick.Symbol] = tick.Seq;
            if (i > 0) Assert.True(ticks[i - 1].Time <= tick.Time, "ticks of several symbols come oldest first");
        }
        return ticks.Count;
    }
}
