namespace StockStream.Server.Transports.LongPolling;

/// <summary>The long-polling transport's log messages.</summary>
internal static partial class LongPollingLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Poll {RequestId} answered ({Outcome}) with {Ticks} ticks, {Bytes} bytes")]
    public static partial void Answered(ILogger logger, string requestId, string outcome, int ticks, long bytes);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Poll {RequestId} went away while held")]
    public static partial void WentAway(ILogger logger, string requestId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Poll refused: {Detail}")]
    public static partial void Refused(ILogger logger, string? detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Poll {RequestId} aborted: its answer was not taken within {TimeoutMs} ms")]
    public static partial void SendStalled(ILogger logger, string requestId, int timeoutMs);
}
