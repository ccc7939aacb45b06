using StockStream.Server.Transports.Limits;

namespace StockStream.Server.Transports.SignalR;

/// <summary>
/// Registers and maps the SignalR baseline, <c>/hub</c>: default SignalR options, MessagePack and JSON hub protocols;
/// its connections count in the stream budget (<see cref="HubConnectionBudget"/>).
/// </summary>
public static class SignalRTransport
{
    public static WebApplicationBuilder AddSignalRBaseline(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SignalROptions>()
            .BindConfiguration(SignalROptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.RequestConnections<SignalROptions>(ConnectionKind.HubConnection,
            $"{SignalROptions.SectionName}:{nameof(SignalROptions.MaxConnections)}", o => o.MaxConnections);
        builder.Services.AddSignalR().AddMessagePackProtocol();
        builder.Services.AddSingleton<SignalRBroadcaster>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SignalRBroadcaster>());
        return builder;
    }

    public static IEndpointRouteBuilder MapSignalRBaseline(this IEndpointRouteBuilder app)
    {
        app.MapHub<StockTickerHub>("/hub").Add(endpoint => endpoint.CountConnections());
        return app;
    }
}
