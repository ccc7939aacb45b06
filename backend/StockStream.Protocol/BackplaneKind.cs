namespace StockStream.Protocol;

/// <summary>
/// How a server's nodes share one tick stream: each within its own process, or through a Redis shared by several. The
/// value of the server's <c>Backplane:Kind</c> setting, which the tools that start servers (load tool, tests) pass too.
/// </summary>
public enum BackplaneKind
{
    InProcess,
    Redis,
}
