using StockStream.Server.Backplane;

namespace StockStream.Server.Hosting;

/// <summary>Maps <c>GET /healthz</c>: 200 while the node streams, 503 while it cannot reach the shared tick stream.</summary>
public static class HealthEndpoints
{
    public static void MapHealth(this WebApplication app) =>
        app.MapGet("/healthz", (ITickBackplane backplane) => backplane.IsConnected
            ? Results.Ok("ready")
            : Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Backplane unreachable",
                detail: "This node cannot reach the shared tick stream (Redis); its clients are told the market is halted."));
}
