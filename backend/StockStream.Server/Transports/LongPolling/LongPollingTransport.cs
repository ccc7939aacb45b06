using Microsoft.Extensions.DependencyInjection.Extensions;
using StockStream.Server.Transports.Http;
using StockStream.Server.Transports.Limits;

namespace StockStream.Server.Transports.LongPolling;

/// <summary>Registers and maps the long-polling transport, <c>GET /api/poll</c>.</summary>
public static class LongPollingTransport
{
    public const string Transport = "longpolling";

    public static WebApplicationBuilder AddLongPolling(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<LongPollingOptions>()
            .BindConfiguration(LongPollingOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.DefaultTimeoutMs <= o.MaxTimeoutMs, "LongPolling:DefaultTimeoutMs must not exceed LongPolling:MaxTimeoutMs.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton<TransportMetrics>();
        builder.Services.RequestConnections<LongPollingOptions>(ConnectionKind.HeldPoll,
            $"{LongPollingOptions.SectionName}:{nameof(LongPollingOptions.MaxHeldPolls)}", o => o.MaxHeldPolls);
        builder.Services.AddSingleton<LongPollingMetrics>();
        builder.Services.AddSingleton<PollWakeups>();
        builder.Services.AddSingleton<MarketChanges>();
        builder.Services.AddSingleton<PollWaiter>();
        return builder;
    }

    public static IEndpointRouteBuilder MapLongPolling(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/poll", LongPollEndpoint.HandleAsync)
            .WithName("Poll")
            .WithTags("Streaming")
            .WithSummary("Long polling: ticks newer than the cursor, held until there are some or timeoutMs passes.")
            .Produces<PollAnswerDocument>(StatusCodes.Status200OK, "application/json", PollResult.MessagePackMediaType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }
}
