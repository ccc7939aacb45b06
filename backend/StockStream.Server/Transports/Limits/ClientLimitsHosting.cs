using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using IPNetwork = System.Net.IPNetwork;

namespace StockStream.Server.Transports.Limits;

/// <summary>
/// Fairness per client address: forwarded headers believed from configured proxies only (so the address, scheme and
/// host are the client's), then per-address limits on open streams, stream openings and API requests, refused with
/// a problem and <c>Retry-After</c> — 503 before a WebSocket upgrade, 429 otherwise.
/// </summary>
public static class ClientLimitsHosting
{
    public static WebApplicationBuilder AddClientLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ClientLimitsOptions>()
            .BindConfiguration(ClientLimitsOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.KnownProxies.All(p => IPAddress.TryParse(p, out _)), "ClientLimits:KnownProxies must be IP addresses.")
            .Validate(o => o.KnownNetworks.All(n => IPNetwork.TryParse(n, out _)), "ClientLimits:KnownNetworks must be CIDR networks, e.g. 10.0.0.0/8.")
            .ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ClientLimitsOptions>>((forwarded, limits) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // ASP.NET Core believes loopback by default; only what is configured may speak for a client here.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (string proxy in limits.Value.KnownProxies) forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (string network in limits.Value.KnownNetworks) forwarded.KnownIPNetworks.Add(IPNetwork.Parse(network));
        });
        builder.Services.AddSingleton<ReplayBudgets>();
        builder.Services.AddSingleton<RefusedAddresses>();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<ClientLimitsOptions>, Refusals, RefusedAddresses>((rate, limits, refusals, held) =>
        {
            rate.GlobalLimiter = ClientPartitions.Create(limits.Value);
            rate.OnRejected = (rejected, _) => Refuse(rejected, refusals, held);
        });
        return builder;
    }

    public static void UseClientLimits(this WebApplication app)
    {
        var limits = app.Services.GetRequiredService<IOptions<ClientLimitsOptions>>().Value;
        if (limits.KnownProxies.Length + limits.KnownNetworks.Length > 0) app.UseForwardedHeaders();
        app.UseRateLimiter();
    }

    private static ValueTask Refuse(OnRejectedContext rejected, Refusals refusals, RefusedAddresses held)
    {
        var context = rejected.HttpContext;
        int retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
        // The WebSocket middleware has not run yet: ask the connection whether this is an upgrade.
        bool upgrade = context.Features.Get<IHttpUpgradeFeature>()?.IsUpgradableRequest == true;
        // A refused handshake holds its address back until Retry-After: its next connections are refused as they are accepted.
        if (upgrade && context.Connection.RemoteIpAddress is { } address) held.Refused(address, TimeSpan.FromSeconds(retryAfter));
        var problem = refusals.Refuse(context, upgrade ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status429TooManyRequests,
            "Too many requests", "This address opens or asks for more than its share; try again later.", retryAfter, "client limit");
        return new ValueTask(problem.ExecuteAsync(context));
    }
}
