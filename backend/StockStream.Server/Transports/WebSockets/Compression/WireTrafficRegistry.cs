using System.Collections.Concurrent;
using System.Net;
using StockStream.Server.Transports.Limits;

namespace StockStream.Server.Transports.WebSockets.Compression;

/// <summary>The open sockets' <see cref="WireTraffic"/> by connection id, for <c>GET /api/ws-traffic/{connectionId}</c>.</summary>
public sealed class WireTrafficRegistry
{
    private readonly ConcurrentDictionary<string, Entry> _open = new(StringComparer.Ordinal);

    /// <summary>Tracks an accepted socket until the returned handle is disposed; nothing when its bytes are not counted.</summary>
    public IDisposable? Track(HttpContext context)
    {
        if (context.Features.Get<WireTraffic>() is not { } traffic) return null;
        var entry = new Entry(this, context.Connection.Id, context.Connection.RemoteIpAddress, WebSocketCompression.Negotiated(context.Response), traffic);
        _open[entry.Id] = entry;
        return entry;
    }

    /// <summary>A socket's traffic, only to a caller from the socket's own address (its owner, as far as the server can tell).</summary>
    public bool TryGet(string connectionId, IPAddress? caller, out string? extensions, out WireTraffic traffic)
    {
        if (_open.TryGetValue(connectionId, out var entry) && Equals(ClientAddress.Of(entry.Remote), ClientAddress.Of(caller)))
        {
            (extensions, traffic) = (entry.Extensions, entry.Traffic);
            return true;
        }
        (extensions, traffic) = (null, null!);
        return false;
    }

    /// <summary>An open socket's registration; disposing it forgets the socket.</summary>
    private sealed class Entry(WireTrafficRegistry registry, string id, IPAddress? remote, string? extensions, WireTraffic traffic) : IDisposable
    {
        public string Id => id;
        public IPAddress? Remote => remote;
        public string? Extensions => extensions;
        public WireTraffic Traffic => traffic;

        public void Dispose() => registry._open.TryRemove(new KeyValuePair<string, Entry>(id, this));
    }
}
