using Microsoft.AspNetCore.Connections.Features;
using Microsoft.Extensions.Options;
using StockStream.Protocol;
using StockStream.Server.Streaming;
using StockStream.Server.Transports.Limits;
using StockStream.Server.Transports.WebSockets.Compression;

namespace StockStream.Server.Transports.WebSockets;

/// <summary>
/// The <c>/ws</c> handshake: origin check, subprotocol choice, connection limit, then the connection's life. Built once
/// with its dependencies: an open socket keeps this handshake's frame for its whole life, so it holds no more than it must.
/// </summary>
internal sealed class WebSocketEndpoint(
    TickHub hub, IOptions<WebSocketTransportOptions> options, TransportMetrics metrics, ConnectionBudget budget, Refusals refusals,
    SendWatchdog watchdog, FrameBudget frameBudget, ServerPauses pauses, TimeProvider clock, ILogger<WebSocketEndpoint> logger,
    WebSocketCompression compression, WireTrafficRegistry traffic, ReplayBudgets replayBudgets,
    RefusedAddresses held)
{
    private readonly WebSocketTransportOptions _settings = options.Value;

    public Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
            return Refuse(context, StatusCodes.Status400BadRequest, "Expected a WebSocket upgrade request.");
        if (!IsAllowedOrigin(context.Request, _settings.AllowedOrigins))
            return Refuse(context, StatusCodes.Status403Forbidden, "This origin may not open a StockStream socket.");

        var offered = context.WebSockets.WebSocketRequestedProtocols;
        var format = ChooseFormat(offered);
        if (format is null)
            return Refuse(context, StatusCodes.Status400BadRequest,
                $"None of the offered subprotocols is supported. Supported: {string.Join(", ", Subprotocols.All)}.");

        if (budget.TryEnter(ConnectionKind.WebSocket) is not { } slot)
            return refusals.NoRoom(context, ConnectionKind.WebSocket, "Too many connections; try again later.").ExecuteAsync(context);
        return RunAsync(context, format, offered.Count == 0, slot);
    }

    private async Task RunAsync(HttpContext context, WireFormat format, bool offeredNone, IDisposable slot)
    {
        using (slot)
        {
            var accept = new WebSocketAcceptContext
            {
                // No subprotocol header when the client offered none, as RFC 6455 requires.
                SubProtocol = offeredNone ? null : format.Subprotocol,
                KeepAliveInterval = TimeSpan.FromMilliseconds(_settings.HeartbeatMs),
                KeepAliveTimeout = TimeSpan.FromMilliseconds(2 * _settings.HeartbeatMs),
            };
            compression.Prepare(context.Request, accept);
            var socket = await context.WebSockets.AcceptWebSocketAsync(accept);
            using var tracked = traffic.Track(context);
            if (_settings.SocketSendBufferBytes > 0 && context.Features.Get<IConnectionSocketFeature>()?.Socket is { } tcp)
                tcp.SendBufferSize = _settings.SocketSendBufferBytes;
            metrics.ConnectionOpened(WebSocketConnection.Transport);
            WebSocketLog.Opened(logger, context.Connection.Id, format.Subprotocol);
            var connection = new WebSocketConnection(context.Connection.Id, socket, format, hub, replayBudgets.For(context.Connection.RemoteIpAddress), _settings, metrics, watchdog, frameBudget, pauses, clock, logger)
            {
                // A flooding client's next connections are refused as they are accepted for a while: reconnecting does not buy a new burst.
                Flooded = context.Connection.RemoteIpAddress is { } address ? () => held.Flooded(address) : null,
            };
            try
            {
                await connection.RunAsync(SymbolName.SplitList(context.Request.Query["symbols"]));
            }
            finally
            {
                // The gauge stays right whichever way the connection ended.
                metrics.ConnectionClosed(WebSocketConnection.Transport);
            }
        }
    }

    private static WireFormat? ChooseFormat(IList<string> offered)
    {
        if (offered.Count == 0) return WireFormat.MessagePack;
        if (offered.Contains(Subprotocols.MessagePack)) return WireFormat.MessagePack;
        if (offered.Contains(Subprotocols.Json)) return WireFormat.Json;
        return null;
    }

    /// <summary>No Origin (a non-browser client), the server's own origin, or one on the allow-list.</summary>
    private static bool IsAllowedOrigin(HttpRequest request, string[] allowed)
    {
        string origin = request.Headers.Origin.ToString();
        if (origin.Length == 0) return true;
        if (string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase)) return true;
        return allowed.Any(a => string.Equals(origin, a.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
    }

    private Task Refuse(HttpContext context, int status, string detail)
    {
        WebSocketLog.Refused(logger, status, detail);
        return TypedResults.Problem(detail: detail, statusCode: status).ExecuteAsync(context);
    }
}
