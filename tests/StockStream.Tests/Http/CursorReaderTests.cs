using StockStream.Protocol;
using StockStream.Server.Streaming;
using StockStream.Server.Transports.Http;
using StockStream.Tests.Streaming;

namespace StockStream.Tests.Http;

/// <summary>
/// The cursor arithmetic under a publisher that never stops: a chain of Start and After reads taken while ticks land
/// must hand out every tick of the symbols exactly once, in seq order, whatever moment each read falls on.
/// </summary>
public class CursorReaderTests
{
    [Fact]
    public async Task ChainOfReadsDuringPublishingLosesAndRepeatsNothing()
    {
        var kit = new StreamingTestKit(symbols: 4, maxSymbols: 4, historyTicks: 100_000);
        var watched = new[] { kit.Symbol(0), kit.Symbol(2) };
        var feeds = watched.Select(s => { kit.Hub.TryGetFeed(s, out var f); return f; }).ToArray();
        using var stop = new CancellationTokenSource();
        var publisher = Task.Run(() =>
        {
            for (int i = 0; i < 20_000 && !stop.IsCancellationRequested; i++) kit.Publish(kit.Symbol(i % 4), kit.Symbol((i + 1) % 4));
        });

        var start = CursorReader.Start(kit.Hub, feeds, TickFlags.None);
        var last = start.Quotes.ToDictionary(q => q.Symbol, q => q.Seq);
        var cursor = start.Cursor.Offset;
        Take(start.Ticks, last);
        int reads = 0;
        while (!publisher.IsCompleted || reads < 10)
        {
            var answer = CursorReader.After(kit.Hub, feeds, cursor, out _);
            Assert.NotNull(answer); // the history is large enough never to evict here
            Assert.True(answer.Cursor.Offset >= cursor);
            Take(answer.Ticks, last);
            cursor = answer.Cursor.Offset;
            reads++;
        }
        await publisher.WaitAsync(TimeSpan.FromSeconds(30));
        var final = CursorReader.After(kit.Hub, feeds, cursor, out _)!;
        Take(final.Ticks, last);
        foreach (var feed in feeds) Assert.Equal(feed.Quote.Seq, last[feed.Symbol]);
    }

    [Fact]
    public async Task StartIsExactWhileTicksLand()
    {
        var kit = new StreamingTestKit(symbols: 3, maxSymbols: 3, historyTicks: 100_000);
        var feeds = kit.Hub.Feeds.ToArray();
        var publisher = Task.Run(() =>
        {
            for (int i = 0; i < 20_000; i++) kit.Publish(kit.Symbol(i % 3));
        });
        while (!publisher.IsCompleted)
        {
            var start = CursorReader.Start(kit.Hub, feeds, TickFlags.None);
            var last = start.Quotes.ToDictionary(q => q.Symbol, q => q.Seq);
            Take(start.Ticks, last);
            // Whatever follows the cursor continues each symbol exactly where the start left it.
            var next = CursorReader.After(kit.Hub, feeds, start.Cursor.Offset, out _)!;
            Take(next.Ticks, last);
        }
        await publisher.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void SeqsAtACursorAreWhereAResumeContinues()
    {
        var kit = new StreamingTestKit(symbols: 2, maxSymbols: 2);
        var feeds = kit.Hub.Feeds.ToArray();
        kit.Publish(kit.Symbol(0), kit.Symbol(1));
        ulong cursor = kit.Hub.Offset;
        kit.Publish(kit.Symbol(0));
        var seqs = CursorReader.SeqsAt(feeds, cursor)!;
        Assert.Equal(1ul, seqs[kit.Symbol(0)]);
        Assert.Equal(1ul, seqs[kit.Symbol(1)]);
    }

    [Fact]
    public void CursorBeforeTheHeldHistoryIsMissed()
    {
        var kit = new StreamingTestKit(symbols: 1, maxSymbols: 1, historyTicks: 16);
        var feeds = kit.Hub.Feeds.ToArray();
        for (int i = 0; i < 40; i++) kit.Publish(kit.Symbol(0));
        Assert.Null(CursorReader.After(kit.Hub, feeds, 1, out _));
        Assert.Null(CursorReader.SeqsAt(feeds, 1));
        Assert.NotNull(CursorReader.After(kit.Hub, feeds, kit.Hub.Offset - 5, out _));
    }

    private static void Take(IReadOnlyList<EncodedTick> ticks, Dictionary<string, ulong> last)
    {
        ulong previousOffset = 0;
        foreach (var encoded in ticks)
        {
            var tick = (StreamTick)encoded;
            Assert.Equal(last[tick.Tick.Symbol] + 1, tick.Tick.Seq);
            last[tick.Tick.Symbol] = tick.Tick.Seq;
            Assert.True(tick.Offset > previousOffset, "oldest first");
            previousOffset = tick.Offset;
        }
    }
}
