using HdrHistogram;
using HdrHistogram.Utilities;
using StockStream.LoadTests.Metrics;

namespace StockStream.LoadTests.Tests.Metrics;

public class HistogramCodecTests
{
    [Fact]
    public void AHistogramOfManyDistinctValuesRoundTrips()
    {
        // A hundred thousand values spread over the whole range (microseconds to minutes): decoding them used to stop short.
        var histogram = new LongHistogram(LatencyRecorder.HighestMicros, 3);
        var random = new Random(7);
        for (int i = 0; i < 100_000; i++) histogram.RecordValue((long)Math.Exp(random.NextDouble() * Math.Log(LatencyRecorder.HighestMicros)));

        var decoded = HistogramCodec.Decode(HistogramCodec.Encode(histogram));

        Assert.Equal(histogram.TotalCount, decoded.TotalCount);
        Assert.Equal(histogram.GetMaxValue(), decoded.GetMaxValue());
        foreach (double percentile in new[] { 50.0, 99.0, 99.9 })
            Assert.Equal(histogram.GetValueAtPercentile(percentile), decoded.GetValueAtPercentile(percentile));
    }

    [Fact]
    public void ReadsTheCompressedFormHdrHistogramWrites()
    {
        var histogram = new LongHistogram(LatencyRecorder.HighestMicros, 3);
        foreach (long micros in new long[] { 120, 450, 450, 9_800, 2_500_000 }) histogram.RecordValue(micros);
        var buffer = ByteBuffer.Allocate(histogram.GetEstimatedFootprintInBytes() + 64);
        int length = histogram.EncodeIntoCompressedByteBuffer(buffer);
        var bytes = new byte[length];
        buffer.Position = 0;
        for (int i = 0; i < length; i++) bytes[i] = buffer.Get();

        var decoded = HistogramCodec.Decode(Convert.ToBase64String(bytes));

        Assert.Equal(5, decoded.TotalCount);
        Assert.Equal(histogram.GetValueAtPercentile(50), decoded.GetValueAtPercentile(50));
    }

    [Fact]
    public void SomethingElseIsAFormatError() =>
        Assert.Throws<FormatException>(() => HistogramCodec.Decode(Convert.ToBase64String([1, 2, 3, 4, 5, 6, 7, 8, 9])));
}
