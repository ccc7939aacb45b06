using System.Net;
using System.Net.WebSockets;
using StockStream.Protocol;

namespace StockStream.LoadTests.Transports;

/// <summary>
/// Asks the server which transports it has: a 404 (or the single-page app's HTML answering in the endpoint's place)
/// means not available. Anything else counts as available, so a transport that errors is run and reported failing.
/// </summary>
public sealed class TransportProbe(HttpClient http, Uri baseAddress, string symbol)
{
    /// <summary>Null when the transport is there; otherwise why it is not.</summary>
    public async Task<string?> WhyUnavailableAsync(TransportKind kind, CancellationToken cancellationToken) => kind switch
    {
        _ when kind.IsWebSocket() => await ProbeWebSocketAsync(kind.OffersDeflate(), cancellationToken),
        TransportKind.Sse => await ProbeHttpAsync($"api/sse?symbols={symbol}", cancellationToken),
        TransportKind.LongPoll => await ProbeHttpAsync($"api/poll?symbols={symbol}", cancellationToken),
        TransportKind.SignalR => await ProbeHttpAsync("hub", cancellationToken, expectedStatus: HttpStatusCode.BadRequest),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private async Task<string?> ProbeHttpAsync(string path, CancellationToken cancellationToken, HttpStatusCode? expectedStatus = null)
    {
        using var response = await http.GetAsync(new Uri(baseAddress, path), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return $"GET /{path} answered 404";
        if (expectedStatus is { } status && response.StatusCode != status) return $"GET /{path} answered {(int)response.StatusCode}, not {(int)status}";
        if (response.Content.Headers.ContentType?.MediaType == "text/html") return $"GET /{path} answered with the web app's HTML";
        return null;
    }

    private async Task<string?> ProbeWebSocketAsync(bool deflate, CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(Subprotocols.MessagePack);
        socket.Options.CollectHttpResponseDetails = true;
        if (deflate) socket.Options.DangerousDeflateOptions = WebSocketDeflate.BrowserOffer();
        try
        {
            await socket.ConnectAsync(WebSocketEndpoint(baseAddress), http, cancellationToken);
            if (deflate && !WebSocketDeflate.WasAccepted(socket))
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
                return "GET /ws did not accept permessage-deflate";
            }
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
            return null;
        }
        catch (WebSocketException) when (socket.HttpStatusCode == HttpStatusCode.NotFound)
        {
            return "GET /ws answered 404";
        }
    }

    /// <summary>The <c>/ws</c> address for a server's http(s) base address.</summary>
    public static Uri WebSocketEndpoint(Uri baseAddress) => WebSocketAddress(baseAddress, "ws");

    /// <summary>The SignalR hub's WebSocket address, <c>/hub</c>.</summary>
    public static Uri SignalREndpoint(Uri baseAddress) => WebSocketAddress(baseAddress, "hub");

    private static Uri WebSocketAddress(Uri baseAddress, string path) =>
        new UriBuilder(new Uri(baseAddress, path)) { Scheme = baseAddress.Scheme == Uri.UriSchemeHttps ? "wss" : "ws" }.Uri;
}
