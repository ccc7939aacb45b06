using MessagePack;
using StockStream.Protocol;

namespace StockStream.LoadTests.Wire;

/// <summary>Reads a MessagePack long-poll answer <c>[cursor, [Tick...], flags, [Quote...], marketState, epoch]</c> without allocating per tick.</summary>
public static class MessagePackPollReader
{
    public static PollAnswer Read(ReadOnlyMemory<byte> body, IStreamObserver observer)
    {
        var r = new MessagePackReader(body);
        if (r.ReadArrayHeader() < 4) throw new MessagePackSerializationException("A poll answer has at least 4 fields.");
        string? cursor = r.ReadString();

        var peek = r.CreatePeekReader();
        peek.Skip();
        bool missed = ((TickFlags)peek.ReadInt32() & TickFlags.Missed) != 0;

        int tickCount = r.ReadArrayHeader();
        for (int i = 0; i < tickCount; i++)
        {
            int fields = r.ReadArrayHeader();
            var symbol = MessagePackFrameReader.ReadSymbol(ref r);
            ulong seq = r.ReadUInt64();
            r.Skip(); // price
            r.Skip(); // size
            long time = r.ReadInt64();
            for (int extra = fields - 5; extra > 0; extra--) r.Skip();
            observer.OnTick(symbol, seq, time, missed);
        }
        r.Skip(); // flags, read above

        for (int i = r.ReadArrayHeader(); i > 0; i--)
        {
            int fields = r.ReadArrayHeader();
            var symbol = MessagePackFrameReader.ReadSymbol(ref r);
            ulong seq = r.ReadUInt64();
            for (int rest = fields - 2; rest > 0; rest--) r.Skip();
            observer.OnQuote(symbol, seq);
        }
        return new PollAnswer(cursor, missed, tickCount);
    }
}
