namespace StockStream.Server;

/// <summary>The one meter every stage's instruments are created on, exported at <c>GET /metrics</c>.</summary>
public static class ServerMeter
{
    public const string Name = "StockStream";
}
