using System.Buffers;
using System.Text.Json;
using MessagePack;
using StockStream.Protocol;

namespace StockStream.Server.Transports.Http;

/// <summary>
/// Writes a <see cref="PollAnswer"/> as docs/protocol.md lays it out, copying every tick's pre-encoded bytes: MessagePack
/// <c>[cursor, [Tick...], flags, [Quote...], marketState, epoch]</c> or the JSON object with Tick/Quote objects.
/// </summary>
public static class PollAnswerWriter
{
    [ThreadStatic] private static Utf8JsonWriter? s_json;

    public static void WriteMessagePack(IBufferWriter<byte> output, PollAnswer answer)
    {
        var w = new MessagePackWriter(output);
        w.WriteArrayHeader(6);
        w.Write(answer.Cursor.ToString());
        w.WriteArrayHeader(answer.Ticks.Count);
        foreach (var tick in answer.Ticks) w.WriteRaw(tick.MessagePack);
        // A poll answer's only flag is Missed; an SSE-style conflation is reported the same way.
        w.Write(answer.Missed ? (int)TickFlags.Missed : 0);
        w.WriteArrayHeader(answer.Quotes.Count);
        foreach (var quote in answer.Quotes) MessagePackFormat.WriteQuote(ref w, quote);
        w.Write(answer.Market.ToWire());
        w.Write(answer.Cursor.Epoch);
        w.Flush();
    }

    public static void WriteJson(IBufferWriter<byte> output, PollAnswer answer)
    {
        var w = s_json ??= new Utf8JsonWriter(output);
        w.Reset(output);
        WriteJson(w, answer);
        w.Flush();
        w.Reset(Stream.Null); // let go of the response
    }

    public static void WriteJson(Utf8JsonWriter w, PollAnswer answer)
    {
        w.WriteStartObject();
        w.WriteString("cursor"u8, answer.Cursor.ToString());
        w.WriteStartArray("ticks"u8);
        foreach (var tick in answer.Ticks) w.WriteRawValue(tick.JsonObject, skipInputValidation: true);
        w.WriteEndArray();
        w.WriteBoolean("missed"u8, answer.Missed);
        w.WriteStartArray("quotes"u8);
        foreach (var quote in answer.Quotes) JsonFormat.WriteQuoteObject(w, quote);
        w.WriteEndArray();
        w.WriteString("market"u8, answer.Market.ToWire());
        w.WriteString("epoch"u8, answer.Cursor.Epoch);
        w.WriteEndObject();
    }
}
