using System.Text.Json;
using System.Text.Json.Serialization;

namespace StockStream.Server.Transports.Sse;

/// <summary>
/// The <c>data:</c> of one SSE event, already encoded as JSON; its converter hands the bytes to the SSE formatter
/// untouched, so the ticks' pre-encoded JSON is copied, never re-serialized.
/// </summary>
[JsonConverter(typeof(Converter))]
public sealed class SseData(ReadOnlyMemory<byte> json)
{
    public ReadOnlyMemory<byte> Json => json;

    private sealed class Converter : JsonConverter<SseData>
    {
        public override SseData Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("SSE data is only written.");

        public override void Write(Utf8JsonWriter writer, SseData value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.Json.Span, skipInputValidation: true);
    }
}
