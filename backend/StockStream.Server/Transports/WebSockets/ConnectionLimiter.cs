using Microsoft.Extensions.Options;

namespace StockStream.Server.Transports.WebSockets;

/// <summary>Counts open sockets against <see cref="WebSocketTransportOptions.MaxConnections"/>.</summary>
public sealed class ConnectionLimiter(IOptions<WebSocketTransportOptions> options)
{
    private int _open;

    public bool TryEnter()
    {
        if (Interlocked.Increment(ref _open) <= options.Value.MaxConnections) return true;
        Interlocked.Decrement(ref _open);
        return false;
    }

    public void Exit() => Interlocked.Decrement(ref _open);
}
