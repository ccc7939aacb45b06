using Microsoft.Extensions.Options;

namespace StockStream.Server.Transports.WebSockets;

/// <summary>
/// Aborts sockets whose send has stalled past <see cref="WebSocketTransportOptions.SendTimeoutMs"/>: one sweep a
/// second over all connections, like Kestrel's heartbeat, instead of a timer re-armed for every frame sent.
/// </summary>
internal sealed class SendWatchdog : IDisposable
{
    private readonly Lock _gate = new();
    private readonly HashSet<WebSocketConnection> _connections = [];
    private readonly TimeProvider _clock;
    private readonly TimeSpan _timeout;
    private readonly ITimer _timer;

    public SendWatchdog(TimeProvider clock, IOptions<WebSocketTransportOptions> options)
    {
        _clock = clock;
        _timeout = TimeSpan.FromMilliseconds(options.Value.SendTimeoutMs);
        _timer = clock.CreateTimer(_ => Sweep(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    public void Watch(WebSocketConnection connection)
    {
        lock (_gate) _connections.Add(connection);
    }

    public void Forget(WebSocketConnection connection)
    {
        lock (_gate) _connections.Remove(connection);
    }

    private void Sweep()
    {
        long now = _clock.GetTimestamp();
        lock (_gate)
        {
            foreach (var connection in _connections) connection.AbortIfSendStalled(now, _timeout);
        }
    }

    public void Dispose() => _timer.Dispose();
}
