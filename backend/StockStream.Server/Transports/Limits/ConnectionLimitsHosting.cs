using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace StockStream.Server.Transports.Limits;

/// <summary>
/// Derives the connection limits from the process's open-file limit at start and applies them to Kestrel (all
/// connections, upgraded ones) and to the transports' streams, so the process never runs out of descriptors.
/// </summary>
public static class ConnectionLimitsHosting
{
    public static WebApplicationBuilder AddConnectionLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ConnectionLimitsOptions>()
            .BindConfiguration(ConnectionLimitsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<ConnectionRequests>();
        builder.Services.AddSingleton(services =>
        {
            var warnings = new List<string>();
            var capacity = ConnectionCapacity.Compute(DescriptorLimit.Read(),
                services.GetRequiredService<IOptions<ConnectionLimitsOptions>>().Value,
                services.GetRequiredService<IOptions<ConnectionRequests>>().Value, warnings);
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ConnectionLimitsHosting).FullName!);
            foreach (string warning in warnings) LimitsLog.Capped(logger, warning);
            LimitsLog.Capacity(logger, capacity.DescriptorLimit?.ToString("N0") ?? "unknown", capacity.Reserve,
                capacity.TotalConnections?.ToString("N0") ?? "unlimited", capacity.Streams, capacity.WebSockets, capacity.SseStreams, capacity.HeldPolls,
                capacity.HubConnections);
            return capacity;
        });
        builder.Services.AddSingleton<ConnectionBudget>();
        builder.Services.AddSingleton<Refusals>();
        builder.Services.AddSingleton<ServerPauses>();
        CountListenedConnections(builder.Services);
        builder.Services.AddOptions<KestrelServerOptions>().PostConfigure<ConnectionCapacity>((kestrel, capacity) =>
        {
            // Backstops a little above our own counts, which a connection leaves before it leaves Kestrel's.
            if (capacity.TotalConnections is { } total)
                kestrel.Limits.MaxConcurrentConnections = Math.Min(kestrel.Limits.MaxConcurrentConnections ?? long.MaxValue, total + Margin(total));
            kestrel.Limits.MaxConcurrentUpgradedConnections =
                Math.Min(kestrel.Limits.MaxConcurrentUpgradedConnections ?? long.MaxValue, capacity.WebSockets + Margin(capacity.WebSockets));
        });
        return builder;
    }

    private static long Margin(long limit) => Math.Max(16, limit / 50);

    /// <summary>Puts a <see cref="CountedListenerFactory"/> around each TCP transport Kestrel would use.</summary>
    private static void CountListenedConnections(IServiceCollection services)
    {
        var transports = services.Where(d => d.ServiceType == typeof(IConnectionListenerFactory)).ToList();
        foreach (var transport in transports)
        {
            services.Remove(transport);
            services.AddSingleton<IConnectionListenerFactory>(provider => new CountedListenerFactory(
                (IConnectionListenerFactory)(transport.ImplementationInstance ?? transport.ImplementationFactory?.Invoke(provider)
                    ?? ActivatorUtilities.CreateInstance(provider, transport.ImplementationType!)),
                provider.GetRequiredService<ConnectionCapacity>(), provider.GetRequiredService<Refusals>(), provider.GetRequiredService<RefusedAddresses>()));
        }
    }

    /// <summary>Declares what a transport's configuration asks to hold, for the capacity to cap.</summary>
    public static void RequestConnections<TOptions>(this IServiceCollection services, ConnectionKind kind, string setting, Func<TOptions, int> requested)
        where TOptions : class =>
        services.AddOptions<ConnectionRequests>().Configure<IOptions<TOptions>>((requests, options) =>
            requests.ByKind[kind] = (setting, requested(options.Value)));
}
