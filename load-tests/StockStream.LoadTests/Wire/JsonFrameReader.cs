using System.Text.Json;
using StockStream.Protocol;

namespace StockStream.LoadTests.Wire;

/// <summary>The <c>stockstream.v1.json</c> twin of <see cref="MessagePackFrameReader"/>: reads Ticks and Snapshot text frames without allocating.</summary>
public static class JsonFrameReader
{
    /// <summary>Returns the frame's message type; for Ticks and Snapshot frames, reports their ticks or quotes to <paramref name="observer"/>.</summary>
    public static MessageType Read(ReadOnlySpan<byte> frame, IStreamObserver observer)
    {
        var r = new Utf8JsonReader(frame);
        Expect(ref r, JsonTokenType.StartArray);
        Expect(ref r, JsonTokenType.Number);
        var type = (MessageType)r.GetInt32();
        switch (type)
        {
            case MessageType.Ticks:
                ReadTicks(ref r, observer);
                break;
            case MessageType.Snapshot:
                ReadQuotes(ref r, observer);
                break;
        }
        return type;
    }

    private static void ReadTicks(ref Utf8JsonReader r, IStreamObserver observer)
    {
        Expect(ref r, JsonTokenType.StartArray);
        // The flags follow the ticks, but a tick's seq jump is judged by them: peek past the array first.
        var peek = r;
        peek.Skip();
        Expect(ref peek, JsonTokenType.Number);
        bool conflated = ((TickFlags)peek.GetInt32() & TickFlags.Conflated) != 0;

        while (r.Read() && r.TokenType == JsonTokenType.StartArray)
        {
            Expect(ref r, JsonTokenType.String);
            var symbol = ReadString(ref r);
            Expect(ref r, JsonTokenType.Number);
            ulong seq = r.GetUInt64();
            r.Read(); // price
            r.Read(); // size
            Expect(ref r, JsonTokenType.Number);
            long time = r.GetInt64();
            SkipToEndOfArray(ref r);
            observer.OnTick(symbol, seq, time, conflated);
        }
    }

    private static void ReadQuotes(ref Utf8JsonReader r, IStreamObserver observer)
    {
        Expect(ref r, JsonTokenType.StartArray);
        while (r.Read() && r.TokenType == JsonTokenType.StartArray)
        {
            Expect(ref r, JsonTokenType.String);
            var symbol = ReadString(ref r);
            Expect(ref r, JsonTokenType.Number);
            ulong seq = r.GetUInt64();
            SkipToEndOfArray(ref r);
            observer.OnQuote(symbol, seq);
        }
    }

    private static void SkipToEndOfArray(ref Utf8JsonReader r)
    {
        while (r.Read() && r.TokenType != JsonTokenType.EndArray) r.Skip();
    }

    internal static void Expect(ref Utf8JsonReader r, JsonTokenType token)
    {
        if (!r.Read() || r.TokenType != token) throw new JsonException($"Expected {token} at byte {r.TokenStartIndex}.");
    }

    [ThreadStatic] private static byte[]? s_unescaped;

    /// <summary>The string's UTF-8 bytes, pointing into the frame; only an escaped string is copied (valid symbols never are).</summary>
    internal static ReadOnlySpan<byte> ReadString(scoped ref Utf8JsonReader r)
    {
        if (!r.ValueIsEscaped) return r.ValueSpan;
        var buffer = s_unescaped ??= new byte[SymbolName.MaxLength * 4];
        return r.ValueSpan.Length <= buffer.Length ? buffer.AsSpan(0, r.CopyString(buffer)) : r.ValueSpan;
    }
}
