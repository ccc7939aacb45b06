using System.Net.WebSockets;

namespace StockStream.Server.Transports.WebSockets;

/// <summary>The WebSocket transport's log messages.</summary>
internal static partial class WebSocketLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "WebSocket {ConnectionId} opened ({Subprotocol})")]
    public static partial void Opened(ILogger logger, string connectionId, string subprotocol);

    /// <summary>The one line a connection's end logs, however it ended: a client going away is normal, not an error.</summary>
    [LoggerMessage(Level = LogLevel.Debug, Message = "WebSocket {ConnectionId} closed: {Reason}")]
    public static partial void Closed(ILogger logger, string connectionId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "WebSocket {ConnectionId} sent a bad message (code {Code}): {Reason}")]
    public static partial void BadMessage(ILogger logger, string connectionId, int code, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "WebSocket {ConnectionId} sent an unreadable message ({Exception})")]
    public static partial void UnreadableMessage(ILogger logger, string connectionId, string exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "WebSocket {ConnectionId}: handling a {Message} failed; closing it with Error 500")]
    public static partial void HandlingFailed(ILogger logger, string connectionId, string message, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WebSocket {ConnectionId} dropped: a send stalled past {TimeoutMs} ms")]
    public static partial void SendStalled(ILogger logger, string connectionId, int timeoutMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WebSocket {ConnectionId} closed with {Status}: {Reason}")]
    public static partial void ClosedByServer(ILogger logger, string connectionId, WebSocketCloseStatus status, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "WebSocket handshake refused with {StatusCode}: {Reason}")]
    public static partial void Refused(ILogger logger, int statusCode, string reason);
}
