using MessagePack;
using StockStream.Protocol;

namespace StockStream.LoadTests.Wire;

/// <summary>
/// Reads the frames that carry ticks (Ticks and Snapshot) straight off the received bytes, without allocating;
/// every other message type is only identified, for the caller to decode with <see cref="WireFormat"/>.
/// </summary>
public static class MessagePackFrameReader
{
    [ThreadStatic] private static TickAt[]? s_ticks;

    /// <summary>Returns the frame's message type; for Ticks and Snapshot frames, reports their ticks or quotes to <paramref name="observer"/>.</summary>
    public static MessageType Read(ReadOnlyMemory<byte> frame, IStreamObserver observer)
    {
        var r = new MessagePackReader(frame);
        int count = r.ReadArrayHeader();
        if (count == 0) throw new MessagePackSerializationException("Empty message array.");
        var type = (MessageType)r.ReadInt32();
        switch (type)
        {
            case MessageType.Ticks:
                ReadTicks(ref r, frame, observer);
                break;
            case MessageType.Snapshot:
                ReadQuotes(ref r, observer);
                break;
        }
        return type;
    }

    private static void ReadTicks(ref MessagePackReader r, ReadOnlyMemory<byte> frame, IStreamObserver observer)
    {
        // The flags follow the ticks, but a tick's seq jump is judged by them: the ticks are read once, into a buffer
        // this thread keeps, and reported once the flags are known (peeking past them first read every tick twice).
        int count = r.ReadArrayHeader();
        var ticks = s_ticks is { } kept && kept.Length >= count ? kept : s_ticks = new TickAt[Math.Max(count, 512)];
        for (int i = 0; i < count; i++)
        {
            int fields = r.ReadArrayHeader();
            var symbol = ReadSymbol(ref r);
            int symbolStart = (int)r.Consumed - symbol.Length;
            ulong seq = r.ReadUInt64();
            r.Skip(); // price
            r.Skip(); // size
            long time = r.ReadInt64();
            for (int extra = fields - 5; extra > 0; extra--) r.Skip();
            ticks[i] = new TickAt(symbolStart, symbol.Length, seq, time);
        }
        bool conflated = ((TickFlags)r.ReadInt32() & TickFlags.Conflated) != 0;
        var bytes = frame.Span;
        foreach (var tick in ticks.AsSpan(0, count)) observer.OnTick(bytes.Slice(tick.SymbolStart, tick.SymbolLength), tick.Seq, tick.Time, conflated);
    }

    /// <summary>A tick read from a frame: where its symbol's bytes are in the frame, its seq and its time.</summary>
    private readonly record struct TickAt(int SymbolStart, int SymbolLength, ulong Seq, long Time);

    internal static void ReadQuotes(ref MessagePackReader r, IStreamObserver observer)
    {
        for (int i = r.ReadArrayHeader(); i > 0; i--)
        {
            int fields = r.ReadArrayHeader();
            var symbol = ReadSymbol(ref r);
            ulong seq = r.ReadUInt64();
            for (int rest = fields - 2; rest > 0; rest--) r.Skip();
            observer.OnQuote(symbol, seq);
        }
    }

    internal static ReadOnlySpan<byte> ReadSymbol(ref MessagePackReader r) =>
        r.TryReadStringSpan(out var span)
            ? span
            : throw new MessagePackSerializationException("A symbol must be a contiguous string.");
}
