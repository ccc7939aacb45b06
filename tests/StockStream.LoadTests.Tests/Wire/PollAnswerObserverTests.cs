using StockStream.LoadTests.Wire;
using StockStream.Protocol;
using StockStream.Protocol.Http;

namespace StockStream.LoadTests.Tests.Wire;

/// <summary>The load clients read poll answers and SSE events with the protocol's reader, in place, into their trackers.</summary>
public class PollAnswerObserverTests
{
    private static readonly PollAnswerMessage Sample = new("c-42", Frames.SampleTicks, Missed: true, [Frames.SampleQuotes[0]], MarketState.Open, "e1", 1_732_370_000_500_000);

    [Theory]
    [InlineData("msgpack")]
    [InlineData("json")]
    public void PassesTicksWithTheMissedFlagAndQuotesToTheObserver(string name)
    {
        var format = Format(name);
        var observer = new RecordingObserver();

        var answer = format.Read(format.ToArray(Sample), new PollAnswerObserver(observer));

        Assert.Equal(("c-42", true, 3), (answer.CursorText(), answer.Missed, answer.TickCount));
        Assert.Equal(Frames.SampleTicks.Select(t => (t.Symbol, t.Seq, t.Time, true)), observer.Ticks);
        Assert.Equal([("AAPL", 40UL)], observer.Quotes);
    }

    [Theory]
    [InlineData("msgpack")]
    [InlineData("json")]
    public void ReadsAnswersWithoutAllocating(string name)
    {
        var format = Format(name);
        ReadOnlyMemory<byte> body = format.ToArray(Sample);
        var observer = new CountingObserver();
        var reader = new PollAnswerObserver(observer);

        // As for the frame readers: rounds until one is clean, since tiered JIT may allocate once while it recompiles.
        var allocatedPerRound = AllocationRounds.Measure(() => format.Read(body, reader));

        Assert.Contains(0, allocatedPerRound);
        Assert.Equal(allocatedPerRound.Count * AllocationRounds.ReadsPerRound * Frames.SampleTicks.Length, observer.Ticks);
    }

    private static PollAnswerFormat Format(string name) => name == "json" ? PollAnswerFormat.Json : PollAnswerFormat.MessagePack;
}
