using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;
using IPNetwork = System.Net.IPNetwork;

namespace StockStream.Server.Transports.Limits;

/// <summary>
/// Addresses whose WebSocket handshake was refused for their client limit, each until the <c>Retry-After</c> it was given
/// has passed. Meanwhile their new connections are answered 503 as they are accepted, before a request is parsed
/// (<see cref="EarlyRefusal"/>), so a flood of handshakes costs the server an accept and a write each. Known proxies are
/// never held back: they speak for many clients.
/// </summary>
public sealed class RefusedAddresses
{
    /// <summary>Addresses held at most; past it more are refused in the request pipeline only, as before.</summary>
    private const int MaxTracked = 100_000;
    private const int SweepAbove = 4_096;
    private readonly ConcurrentDictionary<IPAddress, long> _until = new();
    private readonly TimeProvider _clock;
    private readonly IPAddress[] _proxies;
    private readonly IPNetwork[] _networks;
    private readonly bool _enabled;
    private long _sweptAt;

    public RefusedAddresses(IOptions<ClientLimitsOptions> limits, TimeProvider clock)
    {
        _clock = clock;
        _proxies = [.. limits.Value.KnownProxies.Select(IPAddress.Parse)];
        _networks = [.. limits.Value.KnownNetworks.Select(IPNetwork.Parse)];
        _enabled = limits.Value.RefuseEarly;
    }

    /// <summary>Addresses held back now (expired ones are swept out from time to time).</summary>
    public int Tracked => _until.Count;

    /// <summary>Holds <paramref name="address"/> back for <paramref name="retryAfter"/>.</summary>
    public void Refused(IPAddress address, TimeSpan retryAfter)
    {
        address = Normal(address);
        if (!_enabled || IsProxy(address)) return;
        long now = _clock.GetTimestamp();
        if (_until.Count > SweepAbove) Sweep(now);
        if (_until.Count >= MaxTracked) return;
        long until = now + (long)(retryAfter.TotalSeconds * _clock.TimestampFrequency);
        _until.AddOrUpdate(address, until, (_, held) => Math.Max(held, until));
    }

    /// <summary>How long <paramref name="address"/> is still held back; null when it is not.</summary>
    public TimeSpan? HeldFor(IPAddress address)
    {
        if (!_until.TryGetValue(Normal(address), out long until)) return null;
        long now = _clock.GetTimestamp();
        if (now >= until) return null;
        return _clock.GetElapsedTime(now, until);
    }

    private static IPAddress Normal(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private bool IsProxy(IPAddress address)
    {
        var normal = Normal(address);
        return _proxies.Any(p => Normal(p).Equals(normal)) || _networks.Any(n => n.Contains(normal));
    }

    private void Sweep(long now)
    {
        long last = Volatile.Read(ref _sweptAt);
        if (last != 0 && _clock.GetElapsedTime(last, now) < TimeSpan.FromSeconds(1)) return;
        if (Interlocked.CompareExchange(ref _sweptAt, now, last) != last) return;
        foreach (var (address, until) in _until)
        {
            if (until <= now) _until.TryRemove(new KeyValuePair<IPAddress, long>(address, until));
        }
    }
}
