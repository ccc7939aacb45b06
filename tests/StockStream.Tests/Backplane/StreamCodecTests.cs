using StockStream.Protocol;
using StockStream.Protocol.Messages;
using StockStream.Server.Backplane;
using StockStream.Server.Backplane.Redis;
using StockStream.Server.Streaming;

namespace StockStream.Tests.Backplane;

public class StreamCodecTests
{
    [Fact]
    public void BatchesSnapshotsAndMarketChangesRoundTrip()
    {
        var batch = new TickBatch(123_456_789_012, [new Tick("ACME", 5, 12.34, 100, 1_700_000_000_000_000), new Tick("XYZ", 9, 0.01, 1, 1_700_000_000_000_001)]);
        var decoded = StreamCodec.DecodeBatch(StreamCodec.Encode(batch));
        Assert.Equal(batch.FirstOffset, decoded.FirstOffset);
        Assert.Equal(batch.Ticks, decoded.Ticks);

        var snapshot = new QuoteSnapshot(42, [new Quote("ACME", 5, 12.34, 12, 13, 11.5, 1_000, 1_700_000_000_000_000)]);
        var restored = StreamCodec.DecodeSnapshot(StreamCodec.Encode(snapshot));
        Assert.Equal(snapshot.Offset, restored.Offset);
        Assert.Equal(snapshot.Quotes, restored.Quotes);

        var status = Assert.IsType<MarketStatusMessage>(StreamCodec.Decode(StreamCodec.Encode(new MarketStatusMessage(MarketState.Halted, 0)), out ulong offset));
        Assert.Equal(MarketState.Halted, status.State);
        Assert.Equal(0UL, offset);
    }

    [Theory]
    [InlineData(new byte[] { 0, 0, 0 })]
    [InlineData(new byte[] { 0, 0, 0, 0, 0, 0, 0, 1, 0xc1 })]
    public void ARecordThatIsNotOursIsReportedAsInvalidData(byte[] bytes)
    {
        Assert.Throws<InvalidDataException>(() => StreamCodec.DecodeBatch(bytes));
    }
}
