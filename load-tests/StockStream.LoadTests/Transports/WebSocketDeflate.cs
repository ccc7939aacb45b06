using System.Net.WebSockets;

namespace StockStream.LoadTests.Transports;

/// <summary>permessage-deflate as the load clients offer it, and whether a server accepted it.</summary>
public static class WebSocketDeflate
{
    /// <summary>What Chromium and Firefox offer: both windows 15 bits, context takeover both ways; the server may narrow it.</summary>
    public static WebSocketDeflateOptions BrowserOffer() => new();

    /// <summary>True when the handshake's answer carries permessage-deflate (needs <c>CollectHttpResponseDetails</c>).</summary>
    public static bool WasAccepted(ClientWebSocket socket) =>
        socket.HttpResponseHeaders is { } headers && headers.TryGetValue("Sec-WebSocket-Extensions", out var values)
        && values.Any(v => v.TrimStart().StartsWith("permessage-deflate", StringComparison.Ordinal));
}
