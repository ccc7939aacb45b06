namespace StockStream.Server.Transports.WebSockets.Compression;

/// <summary>Registers permessage-deflate's settings and the per-socket wire byte counts.</summary>
public static class WebSocketCompressionHosting
{
    public static WebApplicationBuilder AddWebSocketCompression(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebSocketCompressionOptions>()
            .BindConfiguration(WebSocketCompressionOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<WebSocketCompression>();
        builder.Services.AddSingleton<WireTrafficRegistry>();
        return builder;
    }

    /// <summary>Counts the wire bytes of <c>/ws</c> sockets; must come before <c>UseWebSockets()</c>.</summary>
    public static IApplicationBuilder UseWireTrafficCounting(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (WebSocketTransport.IsSocketPath(context.Request.Path)) WireCountingFeatures.Install(context);
            return next(context);
        });

    public static IEndpointRouteBuilder MapWireTraffic(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/ws-traffic/{connectionId}", WireTrafficEndpoint.Handle)
            .WithSummary("Compression and wire bytes of one open WebSocket, for a caller from the socket's address");
        return app;
    }
}
