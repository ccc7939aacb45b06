using System.Text.Json;

namespace StockStream.LoadTests.Wire;

/// <summary>
/// Reads the JSON poll answer that SSE events carry,
/// <c>{"cursor","ticks":[{symbol,seq,price,size,time}...],"missed","quotes":[...],"market","epoch"}</c>, in any property order.
/// </summary>
public static class JsonPollReader
{
    /// <summary>Reports ticks and quotes to <paramref name="observer"/>; the cursor is decoded only when <paramref name="wantCursor"/>.</summary>
    public static PollAnswer Read(ReadOnlySpan<byte> body, IStreamObserver observer, bool wantCursor)
    {
        // "missed" may follow "ticks", yet a tick's seq jump is judged by it: look it up first.
        bool missed = false;
        string? cursor = null;
        var r = new Utf8JsonReader(body);
        JsonFrameReader.Expect(ref r, JsonTokenType.StartObject);
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("missed"u8)) { r.Read(); missed = r.TokenType == JsonTokenType.True; }
            else if (wantCursor && r.ValueTextEquals("cursor"u8)) { r.Read(); cursor = r.GetString(); }
            else { r.Read(); r.Skip(); }
        }

        int ticks = 0;
        r = new Utf8JsonReader(body);
        r.Read();
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            bool isTicks = r.ValueTextEquals("ticks"u8);
            bool isQuotes = !isTicks && r.ValueTextEquals("quotes"u8);
            r.Read();
            if (!(isTicks || isQuotes) || r.TokenType != JsonTokenType.StartArray) { r.Skip(); continue; }
            while (r.Read() && r.TokenType == JsonTokenType.StartObject)
            {
                var symbol = ReadObject(ref r, out ulong seq, out long time);
                if (isTicks)
                {
                    ticks++;
                    observer.OnTick(symbol, seq, time, missed);
                }
                else observer.OnQuote(symbol, seq);
            }
        }
        return new PollAnswer(cursor, missed, ticks);
    }

    /// <summary>Reads one Tick or Quote object; returns its symbol.</summary>
    private static ReadOnlySpan<byte> ReadObject(scoped ref Utf8JsonReader r, out ulong seq, out long time)
    {
        ReadOnlySpan<byte> symbol = default;
        seq = 0;
        time = 0;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("symbol"u8)) { r.Read(); symbol = JsonFrameReader.ReadString(ref r); }
            else if (r.ValueTextEquals("seq"u8)) { r.Read(); seq = r.GetUInt64(); }
            else if (r.ValueTextEquals("time"u8)) { r.Read(); time = r.GetInt64(); }
            else { r.Read(); r.Skip(); }
        }
        return symbol;
    }
}
