using System.Text.Json;

namespace StockStream.Tests.Infrastructure;

/// <summary>One Server-Sent Event as it came over the wire: its raw lines and the fields they set.</summary>
public sealed record SseEvent(IReadOnlyList<string> Lines, string? Type, string? Id, string Data)
{
    public JsonElement Json => JsonDocument.Parse(Data).RootElement;

    public PollReply Poll => PollReply.FromJson(Json);
}
