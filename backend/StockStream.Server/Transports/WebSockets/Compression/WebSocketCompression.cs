using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace StockStream.Server.Transports.WebSockets.Compression;

/// <summary>Applies <see cref="WebSocketCompressionOptions"/> to a <c>/ws</c> handshake.</summary>
public sealed class WebSocketCompression(IOptions<WebSocketCompressionOptions> options)
{
    private const string Extension = "permessage-deflate";
    private const string ClientNoContextTakeover = "client_no_context_takeover";

    /// <summary>Sets the accept context's compression settings and, if asked, requires client_no_context_takeover.</summary>
    public void Prepare(HttpRequest request, WebSocketAcceptContext accept)
    {
        var settings = options.Value;
        accept.DangerousEnableCompression = settings.Enabled;
        accept.DisableServerContextTakeover = !settings.ContextTakeover;
        accept.ServerMaxWindowBits = settings.MaxWindowBits;
        if (settings.Enabled && !settings.ClientContextTakeover) RequireClientNoContextTakeover(request);
    }

    /// <summary>
    /// ASP.NET Core answers client_no_context_takeover only when the client offered it, although RFC 7692 (7.1.1.2)
    /// lets a server add it to any answer; adding it to the offer makes the server answer it and drop its inflater
    /// after every client message.
    /// </summary>
    internal static void RequireClientNoContextTakeover(HttpRequest request)
    {
        var offers = request.Headers.GetCommaSeparatedValues(HeaderNames.SecWebSocketExtensions);
        bool changed = false;
        for (int i = 0; i < offers.Length; i++)
        {
            var parameters = offers[i].Split(';', StringSplitOptions.TrimEntries);
            if (parameters[0] != Extension || parameters.Contains(ClientNoContextTakeover)) continue;
            offers[i] = $"{offers[i].Trim()}; {ClientNoContextTakeover}";
            changed = true;
        }
        if (changed) request.Headers.SecWebSocketExtensions = string.Join(", ", offers);
    }

    /// <summary>Whether the accepted socket compresses: the extension the server answered, or null.</summary>
    public static string? Negotiated(HttpResponse response) =>
        response.Headers.SecWebSocketExtensions is { Count: > 0 } answered ? answered.ToString() : null;
}
