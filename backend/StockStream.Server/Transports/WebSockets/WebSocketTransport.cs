using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StockStream.Server.Streaming;
using StockStream.Server.Transports.Limits;

namespace StockStream.Server.Transports.WebSockets;

/// <summary>Registers and maps the WebSocket transport, <c>GET /ws</c>.</summary>
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
        InlineSocketIo.Configure(builder);
        return builder;
    }

    public static IEndpointRouteBuilder MapWebSocketTransport(this IEndpointRouteBuilder app)
    {
        app.Map("/ws", WebSocketEndpoint.HandleAsync).ExcludeFromDescription();
        return app;
    }
}
