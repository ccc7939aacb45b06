using StockStream.LoadTests.Wire;
using StockStream.Protocol;
using StockStream.Protocol.Messages;

namespace StockStream.LoadTests.Tests.Wire;

public class MessagePackFrameReaderTests : FrameReaderContractTests
{
    protected override WireFormat Format => WireFormat.MessagePack;

    protected override MessageType Read(byte[] frame, IStreamObserver observer) => MessagePackFrameReader.Read(frame, observer);

    [Fact]
    public void ReportsEveryTickOfAFrameLargerThanTheBufferItKeeps()
    {
        var ticks = Enumerable.Range(1, 1_500).Select(i => new Tick(i % 2 == 0 ? "AAPL" : "MSFT", (ulong)i, 100 + i, i, 1_000 + i)).ToArray();
        var observer = new RecordingObserver();

        Read(Format.ToArray(new TicksMessage(ticks, TickFlags.Conflated)), observer);

        Assert.Equal(ticks.Select(t => (t.Symbol, t.Seq, t.Time, true)), observer.Ticks);
    }
}
