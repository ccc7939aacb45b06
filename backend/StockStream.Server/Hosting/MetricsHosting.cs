using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace StockStream.Server.Hosting;

/// <summary>
/// Exports the server's meter, ASP.NET Core's and Kestrel's, and the runtime's (GC, threads, CPU, memory) through
/// OpenTelemetry, scraped by Prometheus at <c>GET /metrics</c>.
/// </summary>
public static class MetricsHosting
{
    public static WebApplicationBuilder AddMetricsExport(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("stockstream"))
            .WithMetrics(metrics => metrics
                .AddMeter(ServerMeter.Name, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());
        return builder;
    }

    public static void MapMetrics(this WebApplication app) =>
        app.MapPrometheusScrapingEndpoint("/metrics").ExcludeFromDescription();
}
