namespace StockStream.Server.Hosting;

/// <summary>Maps <c>GET /healthz</c>.</summary>
public static class HealthEndpoints
{
    public static void MapHealth(this WebApplication app) =>
        app.MapGet("/healthz", () => Results.Ok("ready"));
}
