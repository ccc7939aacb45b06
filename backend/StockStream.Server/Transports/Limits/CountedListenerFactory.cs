using System.Net;
using Microsoft.AspNetCore.Connections;

namespace StockStream.Server.Transports.Limits;

/// <summary>
/// Wraps the socket transport so the process never holds more TCP connections than
/// <see cref="ConnectionCapacity.TotalConnections"/>. Past it, each accepted connection is closed before the next
/// accept: unlike Kestrel's own limit, which closes refused connections in the background while it keeps accepting,
/// a flood can hold at most one extra descriptor, never the process's last ones. Connections from an address held back
/// by <see cref="RefusedAddresses"/> are answered 503 here, before Kestrel sees them (<see cref="EarlyRefusal"/>).
/// </summary>
internal sealed class CountedListenerFactory(IConnectionListenerFactory inner, ConnectionCapacity capacity, Refusals refusals, RefusedAddresses held)
    : IConnectionListenerFactory, IConnectionListenerFactorySelector
{
    /// <summary>Early refusals answered at once; past it, more are closed without an answer (an immediate close).</summary>
    private const int MaxAnswering = 256;
    private readonly int _max = capacity.TotalConnections ?? int.MaxValue;
    private readonly RefusedAddresses _held = held;
    private int _open;
    private int _answering;

    public int Open => Volatile.Read(ref _open);

    public async ValueTask<IConnectionListener> BindAsync(EndPoint endpoint, CancellationToken cancellationToken = default) =>
        new Listener(await inner.BindAsync(endpoint, cancellationToken), this);

    public bool CanBind(EndPoint endpoint) => inner is not IConnectionListenerFactorySelector selector || selector.CanBind(endpoint);

    private void Refused() => refusals.Count("connection limit");

    /// <summary>Answers (or, past <see cref="MaxAnswering"/>, just closes) a held-back address's connection in the background.</summary>
    private void RefuseEarly(ConnectionContext connection, TimeSpan retryAfter)
    {
        refusals.Count("client limit, at accept");
        bool answer = Interlocked.Increment(ref _answering) <= MaxAnswering;
        _ = AnswerAndCloseAsync(connection, answer ? retryAfter : null);
    }

    private async Task AnswerAndCloseAsync(ConnectionContext connection, TimeSpan? retryAfter)
    {
        try
        {
            if (retryAfter is { } wait) await EarlyRefusal.AnswerAsync(connection, wait);
            await connection.Transport.Output.CompleteAsync();
            await connection.Transport.Input.CompleteAsync();
            await connection.DisposeAsync();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or ConnectionAbortedException)
        {
            // Gone already: nothing more to close.
        }
        finally
        {
            Interlocked.Decrement(ref _answering);
            Interlocked.Decrement(ref _open);
        }
    }

    private sealed class Listener(IConnectionListener inner, CountedListenerFactory owner) : IConnectionListener
    {
        public EndPoint EndPoint => inner.EndPoint;

        public async ValueTask<ConnectionContext?> AcceptAsync(CancellationToken cancellationToken = default)
        {
            while (await inner.AcceptAsync(cancellationToken) is { } connection)
            {
                if (Interlocked.Increment(ref owner._open) <= owner._max)
                {
                    if (connection.RemoteEndPoint is IPEndPoint remote && owner._held.HeldFor(remote.Address) is { } wait)
                    {
                        owner.RefuseEarly(connection, wait);
                        continue;
                    }
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
