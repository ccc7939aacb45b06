using System.Net;
using System.Net.WebSockets;

namespace StockStream.Tests.Infrastructure;

/// <summary>A WebSocket handshake whose answer, accepted or refused, is what the test looks at.</summary>
internal static class HandshakeAttempt
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>Attempts a handshake and reports the HTTP status and <c>Retry-After</c> of the answer.</summary>
    public static async Task<(HttpStatusCode Status, TimeSpan? RetryAfter)> RunAsync(Uri uri, string? origin = null, Dictionary<string, string>? headers = null)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (origin is not null) socket.Options.SetRequestHeader("Origin", origin);
        foreach (var (name, value) in headers ?? []) socket.Options.SetRequestHeader(name, value);
        using var deadline = new CancellationTokenSource(Timeout);
        try
        {
            await socket.ConnectAsync(uri, deadline.Token);
        }
        catch (WebSocketException)
        {
            // A refused handshake throws; its status and headers are still collected, and they are the answer.
        }
        TimeSpan? retryAfter = socket.HttpResponseHeaders?.TryGetValue("Retry-After", out var values) == true
            ? TimeSpan.FromSeconds(int.Parse(values.First(), System.Globalization.CultureInfo.InvariantCulture))
            : null;
        return (socket.HttpStatusCode, retryAfter);
    }
}
