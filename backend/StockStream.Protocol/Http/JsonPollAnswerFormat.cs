using System.Buffers;
using System.Text.Json;

namespace StockStream.Protocol.Http;

/// <summary>
/// The JSON answer, also the <c>data:</c> of an SSE <c>ticks</c> event:
/// <c>{"cursor","ticks":[Tick object...],"missed","quotes":[Quote object...],"market","epoch","serverTime"}</c>,
/// Tick <c>{"symbol","seq","price","size","time"}</c>, Quote <c>{"symbol","seq","price","open","high","low","volume","time"}</c>.
/// Read in any member order.
/// </summary>
public sealed partial class JsonPollAnswerFormat : PollAnswerFormat
{
    [ThreadStatic] private static Utf8JsonWriter? s_writer;

    internal JsonPollAnswerFormat() { }

    public override string MediaType => "application/json";

    public override string ContentType => "application/json; charset=utf-8";

    public override void Write(IBufferWriter<byte> output, in EncodedPollAnswer answer)
    {
        var w = s_writer ??= new Utf8JsonWriter(output);
        w.Reset(output);
        w.WriteStartObject();
        w.WriteString("cursor"u8, answer.Cursor);
        w.WriteStartArray("ticks"u8);
        var ticks = answer.Ticks;
        for (int i = 0; i < ticks.Count; i++) w.WriteRawValue(ticks[i].JsonObject, skipInputValidation: true);
        w.WriteEndArray();
        w.WriteBoolean("missed"u8, answer.Missed);
        w.WriteStartArray("quotes"u8);
        var quotes = answer.Quotes;
        for (int i = 0; i < quotes.Count; i++) JsonFormat.WriteQuoteObject(w, quotes[i]);
        w.WriteEndArray();
        w.WriteString("market"u8, answer.Market.ToWire());
        w.WriteString("epoch"u8, answer.Epoch);
        w.WriteNumber("serverTime"u8, answer.ServerTime);
        w.WriteEndObject();
        w.Flush();
        w.Reset(Stream.Null); // let go of the output (a response, a pooled buffer)
    }

    public override PollAnswerView Read(ReadOnlyMemory<byte> body, IPollAnswerVisitor visitor) => Read(body.Span, visitor);
}
