namespace StockStream.Server.Backplane;

/// <summary>How ticks reach the hub: within this process, or through a Redis shared by several nodes.</summary>
public enum BackplaneKind
{
    InProcess,
    Redis,
}
