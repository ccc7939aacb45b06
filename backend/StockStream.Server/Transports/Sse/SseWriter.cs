using System.Buffers;
using System.Buffers.Text;
using System.IO.Pipelines;
using System.Net.ServerSentEvents;
using System.Text;

namespace StockStream.Server.Transports.Sse;

/// <summary>
/// Writes the <c>text/event-stream</c> format (WHATWG HTML §9.2) into a response pipe: events as <c>event:</c>,
/// <c>id:</c>, <c>retry:</c> and one <c>data:</c> line, and comment lines, which .NET's own formatter cannot write.
/// </summary>
public static class SseWriter
{
    public static void Write(PipeWriter output, in SseItem<SseData> item)
    {
        var data = item.Data;
        if (data.IsComment)
        {
            Append(output, ": "u8);
            Append(output, data.Json.Span);
            Append(output, "\n\n"u8);
            return;
        }
        if (item.EventType is { } type) Field(output, "event: "u8, type);
        if (item.EventId is { } id) Field(output, "id: "u8, id);
        if (item.ReconnectionInterval is { } retry)
        {
            Append(output, "retry: "u8);
            var span = output.GetSpan(20);
            Utf8Formatter.TryFormat((long)retry.TotalMilliseconds, span, out int written);
            output.Advance(written);
            Append(output, "\n"u8);
        }
        Append(output, "data: "u8);
        Append(output, data.Json.Span);
        Append(output, "\n\n"u8);
    }

    // Event types and ids are our own constants and cursors (no line breaks), so no field needs splitting.
    private static void Field(PipeWriter output, ReadOnlySpan<byte> name, string value)
    {
        Append(output, name);
        int written = Encoding.UTF8.GetBytes(value, output.GetSpan(Encoding.UTF8.GetMaxByteCount(value.Length)));
        output.Advance(written);
        Append(output, "\n"u8);
    }

    private static void Append(PipeWriter output, ReadOnlySpan<byte> bytes) => output.Write(bytes);
}
