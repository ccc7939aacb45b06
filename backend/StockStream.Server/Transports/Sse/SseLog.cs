namespace StockStream.Server.Transports.Sse;

/// <summary>The SSE transport's log messages.</summary>
internal static partial class SseLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "SSE stream {RequestId} opened for {Symbols} symbols ({Start})")]
    public static partial void Opened(ILogger logger, string requestId, int symbols, string start);

    [LoggerMessage(Level = LogLevel.Debug, Message = "SSE stream {RequestId} ended")]
    public static partial void Ended(ILogger logger, string requestId);

    [LoggerMessage(Level = LogLevel.Information, Message = "SSE stream refused: {Detail}")]
    public static partial void Refused(ILogger logger, string? detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "SSE stream {RequestId} aborted: a write was not taken within {TimeoutMs} ms")]
    public static partial void SendStalled(ILogger logger, string requestId, int timeoutMs);
}
