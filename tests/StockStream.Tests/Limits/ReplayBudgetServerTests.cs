using StockStream.Protocol.Messages;
using StockStream.Tests.Infrastructure;

namespace StockStream.Tests.Limits;

/// <summary>
/// A resume or a cursor — honest but old, or forged for the oldest tick held — makes the server replay no more than
/// <c>Streaming:MaxReplayBytes</c>: what does not fit starts afresh, as the protocol allows for ticks no longer held.
/// </summary>
public class ReplayBudgetServerTests(SmallReplayServer server) : IClassFixture<SmallReplayServer>
{
    private static readonly TimeSpan Bound = ProtocolClient.DefaultTimeout;

    [Fact]
    public async Task CursorWhoseTicksExceedTheBudgetIsAnsweredWithFreshQuotesAndMissed()
    {
        var symbols = server.BusySymbols(2);
        var start = await server.PollAsync(symbols);
        for (int i = 0; i < 200; i++) server.Hub.PublishNext(symbols[i % 2]); // about 17 KB of JSON: four times the budget

        var reply = await server.PollAsync(symbols, start.Cursor, timeoutMs: 0).WaitAsync(Bound);
        Assert.True(reply.Missed);
        Assert.Empty(reply.Ticks);
        Assert.Equal(symbols.Order(), reply.Quotes.Select(q => q.Symbol).Order());

        // The new cursor goes on like any other.
        var next = server.Hub.PublishNext(symbols[0]);
        var after = await server.PollAsync(symbols, reply.Cursor, timeoutMs: 0).WaitAsync(Bound);
        Assert.Equal([next], after.Ticks);
        Assert.False(after.Missed);
    }

    [Fact]
    public async Task CursorWhoseTicksFitTheBudgetGetsThemAll()
    {
        var symbols = server.BusySymbols(2);
        var start = await server.PollAsync(symbols);
        var published = Enumerable.Range(0, 10).Select(i => server.Hub.PublishNext(symbols[i % 2])).ToList();

        var reply = await server.PollAsync(symbols, start.Cursor, timeoutMs: 0).WaitAsync(Bound);
        Assert.False(reply.Missed);
        Assert.Equal(published, reply.Ticks);
    }

    [Fact]
    public async Task ResumeIsReplayedForTheSymbolsThatFitAndSnapshottedForTheRest()
    {
        var symbols = server.BusySymbols(2);
        var seen = symbols.ToDictionary(s => s, s => server.Hub.Feeds.Single(f => f.Symbol == s).Quote.Seq);
        for (int i = 0; i < 200; i++) server.Hub.PublishNext(symbols[0]); // far more than the budget
        var missed = Enumerable.Range(0, 5).Select(_ => server.Hub.PublishNext(symbols[1])).ToList();

        await using var client = await server.ConnectAsync();
        await client.SubscribeAsync(symbols, seen);
        await client.ReceiveAsync<SubAckMessage>();
        var snapshot = await client.ReceiveAsync<SnapshotMessage>();
        Assert.Equal(symbols[0], snapshot.Quotes.Single().Symbol);
        var replayed = await client.ReceiveAsync<TicksMessage>();
        Assert.Equal(missed.Select(t => t.Seq), replayed.Ticks.Select(t => t.Seq));
        Assert.All(replayed.Ticks, t => Assert.Equal(symbols[1], t.Symbol));
    }
}
