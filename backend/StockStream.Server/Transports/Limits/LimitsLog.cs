namespace StockStream.Server.Transports.Limits;

/// <summary>The connection limits' log messages.</summary>
internal static partial class LimitsLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Connection limits: open-file limit {DescriptorLimit} ({Reserve} reserved), {Total} connections, {Streams} streams ({WebSockets} WebSockets, {SseStreams} SSE, {HeldPolls} held polls, {HubConnections} SignalR)")]
    public static partial void Capacity(ILogger logger, string descriptorLimit, int reserve, string total, int streams, int webSockets, int sseStreams, int heldPolls,
        int hubConnections);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connection limits: {Warning}")]
    public static partial void Capped(ILogger logger, string warning);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Count} connections or requests since {Since:O}: {Reason}")]
    public static partial void Refused(ILogger logger, long count, DateTimeOffset since, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Refused: {Reason}")]
    public static partial void RefusedOne(ILogger logger, string reason);
}
