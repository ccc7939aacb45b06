using System.Net.Sockets;
using System.Net.WebSockets;

namespace StockStream.LoadTests.Transports;

/// <summary>
/// Names a failed receive for the error table: the WebSocket error and what lies under it (a reset, an end of stream,
/// a bad compressed frame), which <see cref="WebSocketError.ConnectionClosedPrematurely"/> alone would hide.
/// </summary>
public static class ReceiveFailure
{
    public static string Describe(WebSocketException e)
    {
        var cause = e.InnerException;
        while (cause?.InnerException is { } deeper) cause = deeper;
        return cause switch
        {
            null => $"receive: {e.WebSocketErrorCode}",
            SocketException socket => $"receive: {e.WebSocketErrorCode} ({socket.SocketErrorCode})",
            _ => $"receive: {e.WebSocketErrorCode} ({cause.GetType().Name})",
        };
    }
}
