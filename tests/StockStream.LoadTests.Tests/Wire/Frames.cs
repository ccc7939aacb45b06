using System.Buffers;
using StockStream.Protocol;
using StockStream.Protocol.Messages;

namespace StockStream.LoadTests.Tests.Wire;

/// <summary>Frames built by the server's own codec, so the readers are tested against what the server really sends.</summary>
internal static class Frames
{
    public static readonly Tick[] SampleTicks =
    [
        new("AAPL", 41, 187.25, 100, 1_732_370_000_000_001),
        new("MSFT", 7, 411.5, 20, 1_732_370_000_000_002),
        new("BRK.B", 3, 455.01, 5, 1_732_370_000_000_003),
    ];

    public static readonly Quote[] SampleQuotes =
    [
        new("AAPL", 40, 187.2, 186, 188, 185.5, 12_000, 1_732_369_999_000_000),
        new("NEW-1", 0, 10, 10, 10, 10, 0, 1_732_369_000_000_000),
    ];

    /// <summary>A Ticks frame the way the server assembles it: from pre-encoded ticks.</summary>
    public static byte[] Ticks(WireFormat format, TickFlags flags = TickFlags.None, Tick[]? ticks = null)
    {
        var encoded = (ticks ?? SampleTicks).Select(t => new EncodedTick(t)).ToArray();
        var buffer = new ArrayBufferWriter<byte>();
        format.WriteTicksFrame(buffer, encoded, flags);
        return buffer.WrittenSpan.ToArray();
    }

    public static byte[] Snapshot(WireFormat format) => format.ToArray(new SnapshotMessage(SampleQuotes));

    public static byte[] Hello(WireFormat format) => format.ToArray(new HelloMessage(1, "c1", 1, 15_000, 100, "e1"));
}
