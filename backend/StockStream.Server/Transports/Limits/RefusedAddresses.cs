using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;
using IPNetwork = System.Net.IPNetwork;

namespace StockStream.Server.Transports.Limits;

/// <summary>
/// Addresses whose WebSocket handshake was refused for their client limit, each until the <c>Retry-After</c> it was given
/// has passed, and addresses one of whose WebSockets was closed for flooding (1008), for <see cref="ClientLimitsOptions.FloodRefusalSeconds"/>. Meanwhile their new connections are answered 503 as they are accepted, before a request is parsed
/// (<see cref="EarlyRefusal"/>), so a flood of handshakes costs the server an accept and a write each. Known proxies are
/// never held back: they speak for many clients; nor is loopback under <see cref="ClientLimitsOptions.ExemptLoopback"/>.
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
    private readonly bool _exemptLoopback;
    private readonly TimeSpan _floodHold;
    private readonly SweepSchedule _sweeps;

    public RefusedAddresses(IOptions<ClientLimitsOptions> limits, TimeProvider clock)
    {
        _clock = clock;
        _proxies = [.. limits.Value.KnownProxies.Select(p => ClientAddress.Of(IPAddress.Parse(p)))];
        _networks = [.. limits.Value.KnownNetworks.Select(IPNetwork.Parse)];
        _enabled = limits.Value.RefuseEarly;
        _exemptLoopback = limits.Value.ExemptLoopback;
        _floodHold = TimeSpan.FromSeconds(limits.Value.FloodRefusalSeconds);
        _sweeps = new SweepSchedule(clock, TimeSpan.FromSeconds(1));
    }

    /// <summary>Addresses held back now (expired ones are swept out from time to time).</summary>
    public int Tracked => _until.Count;

    /// <summary>Holds <paramref name="address"/> back for <paramref name="retryAfter"/>.</summary>
    public void Refused(IPAddress address, TimeSpan retryAfter)
    {
        address = ClientAddress.Of(address);
        if (!_enabled || IsProxy(address) || (_exemptLoopback && IPAddress.IsLoopback(address))) return;
        long now = _clock.GetTimestamp();
        if (_until.Count > SweepAbove) Sweep(now);
        if (_until.Count >= MaxTracked) return;
        long until = now + (long)(retryAfter.TotalSeconds * _clock.TimestampFrequency);
        _until.AddOrUpdate(address, until, (_, held) => Math.Max(held, until));
    }

    /// <summary>Holds <paramref name="address"/> back for <see cref="ClientLimitsOptions.FloodRefusalSeconds"/>: one of its WebSockets sent too many messages.</summary>
    public void Flooded(IPAddress address)
    {
        if (_floodHold > TimeSpan.Zero) Refused(address, _floodHold);
    }

    /// <summary>How long <paramref name="address"/> is still held back; null when it is not.</summary>
    public TimeSpan? HeldFor(IPAddress address)
    {
        if (!_until.TryGetValue(ClientAddress.Of(address), out long until)) return null;
        long now = _clock.GetTimestamp();
        if (now >= until) return null;
        return _clock.GetElapsedTime(now, until);
    }

    /// <param name="address">Already <see cref="ClientAddress.Of"/>, as the proxies are.</param>
    private bool IsProxy(IPAddress address) => _proxies.Contains(address) || _networks.Any(n => n.Contains(address));

    private void Sweep(long now)
    {
        if (!_sweeps.IsDue(now)) return;
        foreach (var (address, until) in _until)
        {
            if (until <= now) _until.TryRemove(new KeyValuePair<IPAddress, long>(address, until));
        }
    }
}
