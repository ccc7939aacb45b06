using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StockStream.Server.Streaming;
using StockStream.Server.Transports.Limits;

namespace StockStream.Server.Transports.Sse;

/// <summary>Registers and maps the Server-Sent Events transport, <c>GET /api/sse</c>.</summary>
public static class SseTransport
{
    public const string Transport = "sse";

    public static WebApplicationBuilder AddSse(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SseOptions>()
            .BindConfiguration(SseOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate<IOptions<StreamingOptions>>((sse, streaming) => sse.MaxPendingTicks > streaming.Value.MaxSymbols,
                "Sse:MaxPendingTicks must be larger than Streaming:MaxSymbols, so conflation always frees room.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton<TransportMetrics>();
        builder.Services.RequestConnections<SseOptions>(ConnectionKind.SseStream,
            $"{SseOptions.SectionName}:{nameof(SseOptions.MaxConnections)}", o => o.MaxConnections);
        return builder;
    }

    public static IEndpointRouteBuilder MapSse(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/sse", SseEndpoint.Handle)
            .WithName("ServerSentEvents")
            .WithTags("Streaming")
            .WithSummary("Server-Sent Events: `ticks` events (data = a poll answer, id = its cursor) and `market` events.")
            .WithDescription("Send `Last-Event-ID` to resume after an event. The messages are described in docs/asyncapi.yaml.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }
}
