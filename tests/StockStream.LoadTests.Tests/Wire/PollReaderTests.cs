using System.Buffers;
using System.Text;
using System.Text.Json;
using MessagePack;
using StockStream.LoadTests.Wire;
using StockStream.Protocol;

namespace StockStream.LoadTests.Tests.Wire;

public class PollReaderTests
{
    [Fact]
    public void ReadsMessagePackPollAnswerTicksCursorAndMissedFlag()
    {
        var observer = new RecordingObserver();

        var answer = MessagePackPollReader.Read(MessagePackAnswer(TickFlags.Missed), observer);

        Assert.Equal(new PollAnswer("c-42", Missed: true, Ticks: 3), answer);
        Assert.Equal(Frames.SampleTicks.Select(t => (t.Symbol, t.Seq, t.Time, true)), observer.Ticks);
        Assert.Equal([("AAPL", 40UL)], observer.Quotes);
    }

    [Fact]
    public void ReadsJsonPollAnswerWhateverThePropertyOrder()
    {
        var observer = new RecordingObserver();

        var answer = JsonPollReader.Read(JsonAnswer(missedLast: true), observer, wantCursor: true);

        Assert.Equal(new PollAnswer("c-42", Missed: true, Ticks: 3), answer);
        Assert.Equal(Frames.SampleTicks.Select(t => (t.Symbol, t.Seq, t.Time, true)), observer.Ticks);
        Assert.Equal([("AAPL", 40UL)], observer.Quotes);
    }

    [Fact]
    public void LeavesCursorUndecodedWhenNotWanted()
    {
        var answer = JsonPollReader.Read(JsonAnswer(missedLast: false), new RecordingObserver(), wantCursor: false);

        Assert.Null(answer.Cursor);
        Assert.False(answer.Missed);
    }

    private static byte[] MessagePackAnswer(TickFlags flags)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var w = new MessagePackWriter(buffer);
        w.WriteArrayHeader(6);
        w.Write("c-42");
        w.WriteArrayHeader(Frames.SampleTicks.Length);
        foreach (var tick in Frames.SampleTicks) w.WriteRaw(new EncodedTick(tick).MessagePack);
        w.Write((int)flags);
        w.WriteArrayHeader(1);
        w.WriteArrayHeader(8);
        w.Write("AAPL"); w.Write(40UL); w.Write(187.2); w.Write(186.0); w.Write(188.0); w.Write(185.5); w.Write(12_000L); w.Write(1L);
        w.Write("open");
        w.Write("e1");
        w.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The JSON body of a poll answer, with "missed" after "ticks" when <paramref name="missedLast"/>.</summary>
    private static byte[] JsonAnswer(bool missedLast)
    {
        var ticks = string.Join(',', Frames.SampleTicks.Select(t => Encoding.UTF8.GetString(new EncodedTick(t).JsonObject)));
        var quote = """{"symbol":"AAPL","seq":40,"price":187.2,"open":186,"high":188,"low":185.5,"volume":12000,"time":1}""";
        var json = missedLast
            ? $$"""{"cursor":"c-42","ticks":[{{ticks}}],"quotes":[{{quote}}],"market":"open","epoch":"e1","missed":true}"""
            : $$"""{"missed":false,"cursor":"c-42","ticks":[{{ticks}}],"quotes":[],"market":"open","epoch":"e1"}""";
        using var _ = JsonDocument.Parse(json); // the fixture itself must be valid JSON
        return Encoding.UTF8.GetBytes(json);
    }
}
