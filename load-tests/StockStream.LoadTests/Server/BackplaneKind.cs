namespace StockStream.LoadTests.Server;

/// <summary>How the nodes started here share one market: each in its own process (one node), or over a Redis started here.</summary>
public enum BackplaneKind
{
    InProcess,
    Redis,
}
