using System.Buffers.Binary;
using System.IO.Compression;
using HdrHistogram;
using HdrHistogram.Encoding;
using HdrHistogram.Utilities;

namespace StockStream.LoadTests.Metrics;

/// <summary>
/// A histogram in HdrHistogram's compressed V2 encoding (as every HdrHistogram port reads it: cookie, length, zlib of the
/// V2 form), as base64 text for JSON. The zlib part is done here: HdrHistogram.NET 2.5.0 reads its inflater with one
/// <c>Read</c> call, which stops short at a deflate block boundary, so a histogram of many distinct values (tens of
/// thousands of clients' connect times) failed to decode ("does not contain the indicated payload amount").
/// </summary>
public static class HistogramCodec
{
    private const int CompressedV2Cookie = 0x1c849304 | 0x10;
    private const int HeaderBytes = 8;

    public static string Encode(HistogramBase histogram)
    {
        var plain = ByteBuffer.Allocate(histogram.GetNeededByteBufferCapacity());
        int length = histogram.Encode(plain, HistogramEncoderV2.Instance);
        var v2 = new byte[length];
        plain.Position = 0;
        for (int i = 0; i < length; i++) v2[i] = plain.Get();
        using var encoded = new MemoryStream();
        encoded.Write(new byte[HeaderBytes]);
        using (var zlib = new ZLibStream(encoded, CompressionLevel.Optimal, leaveOpen: true))
            zlib.Write(v2);
        var bytes = encoded.ToArray();
        BinaryPrimitives.WriteInt32BigEndian(bytes, CompressedV2Cookie);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), bytes.Length - HeaderBytes);
        return Convert.ToBase64String(bytes);
    }

    public static HistogramBase Decode(string encoded)
    {
        var bytes = Convert.FromBase64String(encoded);
        if (bytes.Length < HeaderBytes || BinaryPrimitives.ReadInt32BigEndian(bytes) != CompressedV2Cookie)
            throw new FormatException("Not a compressed V2 HdrHistogram.");
        int length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4));
        if (length < 0 || length > bytes.Length - HeaderBytes) throw new FormatException("A compressed HdrHistogram shorter than its header says.");
        using var plain = new MemoryStream();
        using (var zlib = new ZLibStream(new MemoryStream(bytes, HeaderBytes, length), CompressionMode.Decompress))
            zlib.CopyTo(plain);
        return HistogramEncoding.DecodeFromByteBuffer(ByteBuffer.Allocate(plain.ToArray()), LatencyRecorder.HighestMicros);
    }
}
