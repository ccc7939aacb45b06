using System.Net;
using Microsoft.AspNetCore.Connections;

namespace StockStream.Server.Transports.Limits;

/// <summary>
/// Wraps the socket transport so the process never holds more TCP connections than
/// <see cref="ConnectionCapacity.TotalConnections"/>. Past it, each accepted connection is closed before the next
/// accept: unlike Kestrel's own limit, which closes refused connections in the background while it keeps accepting,
/// a flood can hold at most one extra descriptor, never the process's last ones.
/// </summary>
internal sealed class CountedListenerFactory(IConnectionListenerFactory inner, ConnectionCapacity capacity, Refusals refusals)
    : IConnectionListenerFactory, IConnectionListenerFactorySelector
{
    private readonly int _max = capacity.TotalConnections ?? int.MaxValue;
    private int _open;

    public int Open => Volatile.Read(ref _open);

    public async ValueTask<IConnectionListener> BindAsync(EndPoint endpoint, CancellationToken cancellationToken = default) =>
        new Listener(await inner.BindAsync(endpoint, cancellationToken), this);

    public bool CanBind(EndPoint endpoint) => inner is not IConnectionListenerFactorySelector selector || selector.CanBind(endpoint);

    private void Refused() => refusals.Count("connection limit");

    private sealed class Listener(IConnectionListener inner, CountedListenerFactory owner) : IConnectionListener
    {
        public EndPoint EndPoint => inner.EndPoint;

        public async ValueTask<ConnectionContext?> AcceptAsync(CancellationToken cancellationToken = default)
        {
            while (await inner.AcceptAsync(cancellationToken) is { } connection)
            {
                if (Interlocked.Increment(ref owner._open) <= owner._max)
                {
                    connection.ConnectionClosed.Register(static state => Interlocked.Decrement(ref ((CountedListenerFactory)state!)._open), owner);
                    return connection;
                }
                Interlocked.Decrement(ref owner._open);
                owner.Refused();
                connection.Abort(new ConnectionAbortedException("The server holds as many connections as it can."));
                await connection.DisposeAsync();
            }
            return null;
        }

        public ValueTask UnbindAsync(CancellationToken cancellationToken = default) => inner.UnbindAsync(cancellationToken);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
