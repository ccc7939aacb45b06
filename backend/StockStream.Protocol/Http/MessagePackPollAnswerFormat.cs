using System.Buffers;
using MessagePack;

namespace StockStream.Protocol.Http;

/// <summary>
/// <c>Accept: application/x-msgpack</c>: <c>[cursor, [Tick...], flags, [Quote...], marketState, epoch, serverTime]</c>,
/// Ticks and Quotes in the WebSocket's array layouts, <c>flags</c> bit 1 (value 2) = missed.
/// </summary>
public sealed class MessagePackPollAnswerFormat : PollAnswerFormat
{
    private const int Members = 7;
    // Answers from servers that predate serverTime have six members.
    private const int MinMembers = 6;

    internal MessagePackPollAnswerFormat() { }

    public override string MediaType => "application/x-msgpack";

    public override string ContentType => MediaType;

    public override void Write(IBufferWriter<byte> output, in EncodedPollAnswer answer)
    {
        var w = new MessagePackWriter(output);
        w.WriteArrayHeader(Members);
        w.Write(answer.Cursor);
        var ticks = answer.Ticks;
        w.WriteArrayHeader(ticks.Count);
        for (int i = 0; i < ticks.Count; i++) w.WriteRaw(ticks[i].MessagePack);
        w.Write(answer.Missed ? (int)TickFlags.Missed : 0);
        var quotes = answer.Quotes;
        w.WriteArrayHeader(quotes.Count);
        for (int i = 0; i < quotes.Count; i++) MessagePackFormat.WriteQuote(ref w, quotes[i]);
        w.Write(answer.Market.ToWire());
        w.Write(answer.Epoch);
        w.Write(answer.ServerTime);
        w.Flush();
    }

    public override PollAnswerView Read(ReadOnlyMemory<byte> body, IPollAnswerVisitor visitor)
    {
        try
        {
            var r = new MessagePackReader(body);
            int members = r.ReadArrayHeader();
            // Members a later version may add are skipped; fewer than six is not an answer.
            if (members < MinMembers) throw ProtocolException.Malformed($"A poll answer has {Members} members (six before serverTime), not {members}.");
            var cursor = ReadUtf8InBody(ref r, body);

            // The flags follow the ticks, but every tick is reported with them: peek past the array first.
            var peek = r.CreatePeekReader();
            peek.Skip();
            bool missed = ((TickFlags)peek.ReadInt32() & TickFlags.Missed) != 0;

            int tickCount = r.ReadArrayHeader();
            for (int i = 0; i < tickCount; i++)
            {
                int fields = r.ReadArrayHeader();
                if (fields < 5) throw ProtocolException.Malformed("A Tick has 5 fields.");
                var symbol = ReadUtf8(ref r);
                ulong seq = r.ReadUInt64();
                double price = r.ReadDouble();
                long size = r.ReadInt64();
                long time = r.ReadInt64();
                for (int extra = fields - 5; extra > 0; extra--) r.Skip();
                visitor.OnTick(symbol, seq, price, size, time, missed);
            }
            r.Skip(); // flags, read above

            int quoteCount = r.ReadArrayHeader();
            for (int i = 0; i < quoteCount; i++)
            {
                int fields = r.ReadArrayHeader();
                if (fields < 8) throw ProtocolException.Malformed("A Quote has 8 fields.");
                var symbol = ReadUtf8(ref r);
                ulong seq = r.ReadUInt64();
                double price = r.ReadDouble(), open = r.ReadDouble(), high = r.ReadDouble(), low = r.ReadDouble();
                long volume = r.ReadInt64(), time = r.ReadInt64();
                for (int extra = fields - 8; extra > 0; extra--) r.Skip();
                visitor.OnQuote(symbol, seq, price, open, high, low, volume, time);
            }
            var market = ParseMarket(ReadUtf8(ref r));
            var epoch = ReadUtf8InBody(ref r, body);
            long serverTime = members >= Members ? r.ReadInt64() : 0;
            for (int extra = members - Members; extra > 0; extra--) r.Skip();
            if (!r.End) throw ProtocolException.Malformed("Trailing bytes after the poll answer.");
            return new PollAnswerView(cursor, tickCount, missed, quoteCount, market, epoch, serverTime);
        }
        catch (Exception e) when (e is MessagePackSerializationException or EndOfStreamException or OverflowException)
        {
            throw ProtocolException.Malformed("Not a MessagePack poll answer.", e);
        }
    }

    /// <summary>A string's UTF-8 bytes, valid while the reader is (the body is one contiguous block).</summary>
    private static ReadOnlySpan<byte> ReadUtf8(ref MessagePackReader r) =>
        r.TryReadStringSpan(out var span) ? span : throw ProtocolException.Malformed("Expected a string.");

    /// <summary>The same bytes as a slice of the body itself, so they may be handed back to the caller.</summary>
    private static ReadOnlySpan<byte> ReadUtf8InBody(scoped ref MessagePackReader r, ReadOnlyMemory<byte> body)
    {
        int length = ReadUtf8(ref r).Length;
        return body.Span.Slice((int)r.Consumed - length, length);
    }
}
