using HdrHistogram;
using HdrHistogram.Utilities;

namespace StockStream.LoadTests.Metrics;

/// <summary>A histogram in HdrHistogram's compressed encoding (V2, as every HdrHistogram port reads it), as base64 text for JSON.</summary>
public static class HistogramCodec
{
    public static string Encode(HistogramBase histogram)
    {
        var buffer = ByteBuffer.Allocate(histogram.GetEstimatedFootprintInBytes() + 64);
        int length = histogram.EncodeIntoCompressedByteBuffer(buffer);
        var bytes = new byte[length];
        buffer.Position = 0;
        for (int i = 0; i < length; i++) bytes[i] = buffer.Get();
        return Convert.ToBase64String(bytes);
    }

    public static HistogramBase Decode(string encoded) =>
        HistogramEncoding.DecodeFromCompressedByteBuffer(ByteBuffer.Allocate(Convert.FromBase64String(encoded)), LatencyRecorder.HighestMicros);
}
