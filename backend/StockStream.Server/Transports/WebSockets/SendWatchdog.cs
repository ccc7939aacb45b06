using Microsoft.Extensions.Options;

namespace StockStream.Server.Transports.WebSockets;

/// <summary>
/// Aborts sockets whose send has stalled past <see cref="WebSocketTransportOptions.SendTimeoutMs"/>: one sweep a
/// second over all connections, like Kestrel's heartbeat, instead of a timer re-armed for every frame sent. When the
/// server stops, one sweep tells every connection (<see cref="ServerStopping"/>) instead of a registration per socket.
/// </summary>
internal sealed class SendWatchdog : IDisposable
{
    private readonly Lock _gate = new();
    private readonly HashSet<WebSocketConnection> _connections = [];
    private readonly TimeProvider _clock;
    private readonly TimeSpan _timeout;
    private readonly ITimer _timer;
    private readonly CancellationTokenRegistration _stoppingRegistration;

    public SendWatchdog(TimeProvider clock, IOptions<WebSocketTransportOptions> options, IHostApplicationLifetime? lifetime = null)
    {
        _clock = clock;
        _timeout = TimeSpan.FromMilliseconds(options.Value.SendTimeoutMs);
        _timer = clock.CreateTimer(_ => Sweep(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        _stoppingRegistration = lifetime?.ApplicationStopping.Register(ServerStopping) ?? default;
    }

    private bool _stopping;

    /// <summary>Watches <paramref name="connection"/> until <see cref="Forget"/>; one that comes after the server began stopping is told at once.</summary>
    public void Watch(WebSocketConnection connection)
    {
        bool stopping;
        lock (_gate)
        {
            _connections.Add(connection);
            stopping = _stopping;
        }
        if (stopping) connection.ServerStopping();
    }

    /// <summary>Tells every connection, and any watched from now on, that the server is stopping.</summary>
    public void ServerStopping()
    {
        WebSocketConnection[] open;
        lock (_gate)
        {
            _stopping = true;
            open = [.. _connections];
        }
        foreach (var connection in open) connection.ServerStopping();
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

    public void Dispose()
    {
        _stoppingRegistration.Dispose();
        _timer.Dispose();
    }
}
