using System.Text.Json;

namespace StockStream.Protocol.Http;

public sealed partial class JsonPollAnswerFormat
{
    // Which members were seen, so a missing one is an error rather than a silent zero; only serverTime may be missing
    // (servers that predate it), and reads as 0.
    [Flags]
    private enum Seen
    {
        None = 0,
        Cursor = 1, Ticks = 2, Missed = 4, Quotes = 8, Market = 16, Epoch = 32, ServerTime = 64,
        Required = Cursor | Ticks | Missed | Quotes | Market | Epoch,
    }

    [ThreadStatic] private static byte[]? s_unescaped;

    /// <inheritdoc cref="PollAnswerFormat.Read(ReadOnlyMemory{byte}, IPollAnswerVisitor)"/>
    public PollAnswerView Read(ReadOnlySpan<byte> body, IPollAnswerVisitor visitor)
    {
        try
        {
            // "missed" may follow "ticks", yet every tick is reported with it: read the other members first.
            ReadOnlySpan<byte> cursor = default, epoch = default;
            bool missed = false;
            var market = MarketState.Open;
            long serverTime = 0;
            var seen = Seen.None;
            var r = new Utf8JsonReader(body);
            Expect(ref r, JsonTokenType.StartObject);
            while (Next(ref r) == JsonTokenType.PropertyName)
            {
                var member = Member(ref r);
                r.Read();
                seen |= member;
                switch (member)
                {
                    case Seen.Cursor: cursor = ReadString(ref r, copy: true); break;
                    case Seen.Missed:
                        missed = r.TokenType switch
                        {
                            JsonTokenType.True => true,
                            JsonTokenType.False => false,
                            _ => throw Malformed("missed must be true or false."),
                        };
                        break;
                    case Seen.Market: market = ParseMarket(ReadString(ref r, copy: false)); break;
                    case Seen.Epoch: epoch = ReadString(ref r, copy: true); break;
                    case Seen.ServerTime: serverTime = r.GetInt64(); break;
                    default: r.Skip(); break;
                }
            }
            if ((seen & Seen.Required) != Seen.Required) throw Malformed($"A poll answer lacks {Seen.Required & ~seen}.");

            int ticks = 0, quotes = 0;
            r = new Utf8JsonReader(body);
            r.Read();
            while (Next(ref r) == JsonTokenType.PropertyName)
            {
                var member = Member(ref r);
                r.Read();
                if (member is not (Seen.Ticks or Seen.Quotes)) { r.Skip(); continue; }
                if (r.TokenType != JsonTokenType.StartArray) throw Malformed($"{member} must be an array.");
                while (Next(ref r) == JsonTokenType.StartObject)
                {
                    if (member == Seen.Ticks)
                    {
                        ticks++;
                        ReadTick(ref r, visitor, missed);
                    }
                    else
                    {
                        quotes++;
                        ReadQuote(ref r, visitor);
                    }
                }
                if (r.TokenType != JsonTokenType.EndArray) throw Malformed($"{member} must hold objects.");
            }
            return new PollAnswerView(cursor, ticks, missed, quotes, market, epoch, serverTime);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw ProtocolException.Malformed("Not a JSON poll answer.", e);
        }
    }

    private static void ReadTick(ref Utf8JsonReader r, IPollAnswerVisitor visitor, bool missed)
    {
        ReadOnlySpan<byte> symbol = default;
        ulong seq = 0;
        double price = 0;
        long size = 0, time = 0;
        int fields = 0;
        while (Next(ref r) == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("symbol"u8)) { r.Read(); symbol = ReadString(ref r, copy: false); fields |= 1; }
            else if (r.ValueTextEquals("seq"u8)) { r.Read(); seq = r.GetUInt64(); fields |= 2; }
            else if (r.ValueTextEquals("price"u8)) { r.Read(); price = r.GetDouble(); fields |= 4; }
            else if (r.ValueTextEquals("size"u8)) { r.Read(); size = r.GetInt64(); fields |= 8; }
            else if (r.ValueTextEquals("time"u8)) { r.Read(); time = r.GetInt64(); fields |= 16; }
            else { r.Read(); r.Skip(); }
        }
        if (fields != 31) throw Malformed("A Tick object has symbol, seq, price, size and time.");
        visitor.OnTick(symbol, seq, price, size, time, missed);
    }

    private static void ReadQuote(ref Utf8JsonReader r, IPollAnswerVisitor visitor)
    {
        ReadOnlySpan<byte> symbol = default;
        ulong seq = 0;
        double price = 0, open = 0, high = 0, low = 0;
        long volume = 0, time = 0;
        int fields = 0;
        while (Next(ref r) == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("symbol"u8)) { r.Read(); symbol = ReadString(ref r, copy: false); fields |= 1; }
            else if (r.ValueTextEquals("seq"u8)) { r.Read(); seq = r.GetUInt64(); fields |= 2; }
            else if (r.ValueTextEquals("price"u8)) { r.Read(); price = r.GetDouble(); fields |= 4; }
            else if (r.ValueTextEquals("open"u8)) { r.Read(); open = r.GetDouble(); fields |= 8; }
            else if (r.ValueTextEquals("high"u8)) { r.Read(); high = r.GetDouble(); fields |= 16; }
            else if (r.ValueTextEquals("low"u8)) { r.Read(); low = r.GetDouble(); fields |= 32; }
            else if (r.ValueTextEquals("volume"u8)) { r.Read(); volume = r.GetInt64(); fields |= 64; }
            else if (r.ValueTextEquals("time"u8)) { r.Read(); time = r.GetInt64(); fields |= 128; }
            else { r.Read(); r.Skip(); }
        }
        if (fields != 255) throw Malformed("A Quote object has symbol, seq, price, open, high, low, volume and time.");
        visitor.OnQuote(symbol, seq, price, open, high, low, volume, time);
    }

    private static Seen Member(ref Utf8JsonReader r) =>
        r.ValueTextEquals("cursor"u8) ? Seen.Cursor
        : r.ValueTextEquals("ticks"u8) ? Seen.Ticks
        : r.ValueTextEquals("missed"u8) ? Seen.Missed
        : r.ValueTextEquals("quotes"u8) ? Seen.Quotes
        : r.ValueTextEquals("market"u8) ? Seen.Market
        : r.ValueTextEquals("epoch"u8) ? Seen.Epoch
        : r.ValueTextEquals("serverTime"u8) ? Seen.ServerTime
        : Seen.None;

    private static JsonTokenType Next(ref Utf8JsonReader r) => r.Read() ? r.TokenType : throw Malformed("The answer ends early.");

    private static void Expect(ref Utf8JsonReader r, JsonTokenType token)
    {
        if (!r.Read() || r.TokenType != token) throw Malformed($"Expected {token} at byte {r.TokenStartIndex}.");
    }

    /// <summary>
    /// A string's UTF-8 bytes, pointing into the body; an escaped one (which no valid symbol, cursor or epoch needs) is
    /// unescaped into a copy — a new array when it must outlive the next string (<paramref name="copy"/>).
    /// </summary>
    private static ReadOnlySpan<byte> ReadString(scoped ref Utf8JsonReader r, bool copy)
    {
        if (r.TokenType != JsonTokenType.String) throw Malformed("Expected a string.");
        if (!r.ValueIsEscaped) return r.ValueSpan;
        var buffer = copy ? new byte[r.ValueSpan.Length] : (s_unescaped is { } b && b.Length >= r.ValueSpan.Length ? b : s_unescaped = new byte[r.ValueSpan.Length]);
        return buffer.AsSpan(0, r.CopyString(buffer));
    }

    private static ProtocolException Malformed(string message) => ProtocolException.Malformed(message);
}
