using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StockStream.Server.Streaming;
using StockStream.Server.Transports.Limits;

namespace StockStream.Server.Transports.WebSockets;

/// <summary>Registers and serves the WebSocket transport, <c>GET /ws</c>.</summary>
public static class WebSocketTransport
{
    public static WebApplicationBuilder AddWebSocketTransport(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebSocketTransportOptions>()
            .BindConfiguration(WebSocketTransportOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate<IOptions<StreamingOptions>>((ws, streaming) => ws.MaxPendingTicks > streaming.Value.MaxSymbols,
                "WebSocket:MaxPendingTicks must be larger than Streaming:MaxSymbols, so conflation always frees room.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton<TransportMetrics>();
        builder.Services.RequestConnections<WebSocketTransportOptions>(ConnectionKind.WebSocket,
            $"{WebSocketTransportOptions.SectionName}:{nameof(WebSocketTransportOptions.MaxConnections)}", o => o.MaxConnections);
        builder.Services.AddSingleton<SendWatchdog>();
        builder.Services.AddSingleton<FrameBudget>();
        builder.Services.AddSingleton<WebSocketEndpoint>();
        InlineSocketIo.Configure(builder);
        return builder;
    }

    /// <summary>
    /// Answers <c>/ws</c> as middleware, the WebSocket documentation's way, rather than as an endpoint: an open socket
    /// keeps every frame of the pipeline that ran before it for its whole life, and the endpoint machinery (its
    /// request delegate, a request service scope, the authorization middleware and its items) cost each idle socket
    /// some 0.8 KB. Comes after <c>UseWebSockets()</c>; what follows it never sees <c>/ws</c>.
    /// </summary>
    public static IApplicationBuilder UseWebSocketTransport(this IApplicationBuilder app)
    {
        // Resolved per handshake from the root (a singleton: no scope, nothing allocated), not here: the settings it
        // depends on are validated when the host starts, after the pipeline is built.
        var services = app.ApplicationServices;
        return app.Use(next => context =>
            IsSocketPath(context.Request.Path) ? services.GetRequiredService<WebSocketEndpoint>().HandleAsync(context) : next(context));
    }

    /// <summary><c>/ws</c>, with or without a trailing slash, as a route would match it.</summary>
    internal static bool IsSocketPath(PathString path) => path.StartsWithSegments("/ws", out var rest) && (!rest.HasValue || rest.Value == "/");
}
