using StockStream.LoadTests.Wire;
using StockStream.Protocol;
using StockStream.Protocol.Messages;

namespace StockStream.LoadTests.Tests.Wire;

/// <summary>What both lean frame readers must do, run once per wire format.</summary>
public abstract class FrameReaderContractTests
{
    protected abstract WireFormat Format { get; }

    protected abstract MessageType Read(byte[] frame, IStreamObserver observer);

    [Fact]
    public void ReadsSymbolSeqAndTimeOfEveryTickInServerFrame()
    {
        var observer = new RecordingObserver();

        var type = Read(Frames.Ticks(Format), observer);

        Assert.Equal(MessageType.Ticks, type);
        Assert.Equal(Frames.SampleTicks.Select(t => (t.Symbol, t.Seq, t.Time, false)), observer.Ticks);
    }

    [Fact]
    public void MarksTicksOfConflatedFrame()
    {
        var observer = new RecordingObserver();

        Read(Frames.Ticks(Format, TickFlags.Conflated), observer);

        Assert.All(observer.Ticks, tick => Assert.True(tick.Conflated));
    }

    [Fact]
    public void ReadsTicksMessageWrittenByCodec()
    {
        var observer = new RecordingObserver();
        var frame = Format.ToArray(new TicksMessage(Frames.SampleTicks, TickFlags.None));

        Read(frame, observer);

        Assert.Equal(Frames.SampleTicks.Select(t => t.Seq), observer.Ticks.Select(t => t.Seq));
    }

    [Fact]
    public void ReadsSymbolAndSeqOfSnapshotQuotes()
    {
        var observer = new RecordingObserver();

        var type = Read(Frames.Snapshot(Format), observer);

        Assert.Equal(MessageType.Snapshot, type);
        Assert.Equal(Frames.SampleQuotes.Select(q => (q.Symbol, q.Seq)), observer.Quotes);
        Assert.Empty(observer.Ticks);
    }

    [Fact]
    public void IdentifiesOtherMessagesWithoutReportingTicks()
    {
        var observer = new RecordingObserver();

        var type = Read(Frames.Hello(Format), observer);

        Assert.Equal(MessageType.Hello, type);
        Assert.Empty(observer.Ticks);
        Assert.Empty(observer.Quotes);
    }

    [Fact]
    public void ReadsTicksWithoutAllocating()
    {
        var frame = Frames.Ticks(Format);
        var observer = new CountingObserver();

        // The runtime may allocate once while it re-compiles a hot method (tiered JIT), so rounds are measured until
        // one is clean; a reader that allocated per frame could never produce one.
        var allocatedPerRound = AllocationRounds.Measure(() => Read(frame, observer));

        Assert.Contains(0, allocatedPerRound);
        Assert.Equal(allocatedPerRound.Count * AllocationRounds.ReadsPerRound * Frames.SampleTicks.Length, observer.Ticks);
    }
}
