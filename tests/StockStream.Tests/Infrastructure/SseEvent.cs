using System.Text;
using System.Text.Json;
using StockStream.Protocol.Http;

namespace StockStream.Tests.Infrastructure;

/// <summary>One Server-Sent Event as it came over the wire: its raw lines and the fields they set.</summary>
public sealed record SseEvent(IReadOnlyList<string> Lines, string? Type, string? Id, string Data)
{
    public JsonElement Json => JsonDocument.Parse(Data).RootElement;

    /// <summary>The data of a <c>ticks</c> event: a poll answer.</summary>
    public PollAnswerMessage Poll => PollAnswerFormat.Json.Read(Encoding.UTF8.GetBytes(Data));
}
