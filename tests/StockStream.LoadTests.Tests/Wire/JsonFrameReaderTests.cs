using StockStream.LoadTests.Wire;
using StockStream.Protocol;
using StockStream.Protocol.Messages;

namespace StockStream.LoadTests.Tests.Wire;

public class JsonFrameReaderTests
{
    [Fact]
    public void ReadsSymbolSeqAndTimeOfEveryTickInServerFrame()
    {
        var observer = new RecordingObserver();

        var type = JsonFrameReader.Read(Frames.Ticks(WireFormat.Json), observer);

        Assert.Equal(MessageType.Ticks, type);
        Assert.Equal(Frames.SampleTicks.Select(t => (t.Symbol, t.Seq, t.Time, false)), observer.Ticks);
    }

    [Fact]
    public void MarksTicksOfConflatedFrame()
    {
        var observer = new RecordingObserver();

        JsonFrameReader.Read(Frames.Ticks(WireFormat.Json, TickFlags.Conflated), observer);

        Assert.All(observer.Ticks, tick => Assert.True(tick.Conflated));
    }

    [Fact]
    public void ReadsTicksMessageWrittenByCodec()
    {
        var observer = new RecordingObserver();
        var frame = WireFormat.Json.ToArray(new TicksMessage(Frames.SampleTicks, TickFlags.None));

        JsonFrameReader.Read(frame, observer);

        Assert.Equal(Frames.SampleTicks.Select(t => t.Seq), observer.Ticks.Select(t => t.Seq));
    }

    [Fact]
    public void ReadsSymbolAndSeqOfSnapshotQuotes()
    {
        var observer = new RecordingObserver();

        var type = JsonFrameReader.Read(Frames.Snapshot(WireFormat.Json), observer);

        Assert.Equal(MessageType.Snapshot, type);
        Assert.Equal(Frames.SampleQuotes.Select(q => (q.Symbol, q.Seq)), observer.Quotes);
        Assert.Empty(observer.Ticks);
    }

    [Fact]
    public void IdentifiesOtherMessagesWithoutReportingTicks()
    {
        var observer = new RecordingObserver();

        var type = JsonFrameReader.Read(Frames.Hello(WireFormat.Json), observer);

        Assert.Equal(MessageType.Hello, type);
        Assert.Empty(observer.Ticks);
        Assert.Empty(observer.Quotes);
    }

    [Fact]
    public void ReadsTicksWithoutAllocating()
    {
        var frame = Frames.Ticks(WireFormat.Json);
        var observer = new CountingObserver();

        // The runtime may allocate once while it re-compiles a hot method (tiered JIT), so rounds are measured until
        // one is clean; a reader that allocated per frame could never produce one.
        var allocatedPerRound = AllocationRounds.Measure(() => JsonFrameReader.Read(frame, observer));

        Assert.Contains(0, allocatedPerRound);
        Assert.Equal(allocatedPerRound.Count * AllocationRounds.ReadsPerRound * Frames.SampleTicks.Length, observer.Ticks);
    }
}
