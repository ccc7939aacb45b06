namespace StockStream.Server.Transports.SignalR;

/// <summary>Registers and maps the SignalR baseline, <c>/hub</c>: default SignalR options, MessagePack and JSON hub protocols.</summary>
public static class SignalRTransport
{
    public static WebApplicationBuilder AddSignalRBaseline(this WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR().AddMessagePackProtocol();
        builder.Services.AddSingleton<SignalRBroadcaster>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SignalRBroadcaster>());
        return builder;
    }

    public static IEndpointRouteBuilder MapSignalRBaseline(this IEndpointRouteBuilder app)
    {
        app.MapHub<StockTickerHub>("/hub");
        return app;
    }
}
