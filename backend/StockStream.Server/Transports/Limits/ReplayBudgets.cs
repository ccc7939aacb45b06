using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;
using StockStream.Server.Streaming;

namespace StockStream.Server.Transports.Limits;

/// <summary>
/// The replay allowance of each client address: a token bucket of <see cref="ClientLimitsOptions.ReplayBytesPerSecond"/>
/// holding at most <see cref="ClientLimitsOptions.ReplayBurstBytes"/>, drawn on by resumes (WebSocket, SSE) and poll
/// answers of all the address's connections. Full buckets are forgotten, so memory follows the addresses replaying now.
/// </summary>
public sealed class ReplayBudgets
{
    /// <summary>Addresses tracked before full buckets are swept out, at most once a second.</summary>
    private const int SweepAbove = 4_096;
    private readonly ConcurrentDictionary<IPAddress, Bucket> _buckets = new();
    private readonly ClientLimitsOptions _limits;
    private readonly TimeProvider _clock;
    private readonly SweepSchedule _sweeps;

    public ReplayBudgets(IOptions<ClientLimitsOptions> limits, TimeProvider clock)
    {
        _limits = limits.Value;
        _clock = clock;
        _sweeps = new SweepSchedule(clock, TimeSpan.FromSeconds(1));
    }

    /// <summary>Addresses whose bucket is not full.</summary>
    public int Tracked => _buckets.Count;

    /// <summary>The allowance of <paramref name="address"/>; null when replay is not limited for it (limit off, or exempt loopback).</summary>
    public IReplayAllowance? For(IPAddress? address)
    {
        if (_limits.ReplayBytesPerSecond == 0 || address is null) return null;
        address = ClientAddress.Of(address);
        if (_limits.ExemptLoopback && IPAddress.IsLoopback(address)) return null;
        return new Allowance(this, address);
    }

    private long Left(IPAddress address) =>
        _buckets.TryGetValue(address, out var bucket) ? Math.Max(0, bucket.Refill(_clock.GetTimestamp(), this)) : _limits.ReplayBurstBytes;

    private void Spend(IPAddress address, long bytes)
    {
        if (bytes <= 0) return;
        if (_buckets.Count > SweepAbove) Sweep(_clock.GetTimestamp());
        var bucket = _buckets.GetOrAdd(address, static (_, budgets) => new Bucket(budgets._limits.ReplayBurstBytes, budgets._clock.GetTimestamp()), this);
        bucket.Take(bytes, _clock.GetTimestamp(), this);
    }

    /// <summary>Drops the buckets that have refilled: a full bucket is the same as none.</summary>
    private void Sweep(long now)
    {
        if (!_sweeps.IsDue(now)) return;
        foreach (var (address, bucket) in _buckets)
        {
            if (bucket.Refill(now, this) >= _limits.ReplayBurstBytes) _buckets.TryRemove(new KeyValuePair<IPAddress, Bucket>(address, bucket));
        }
    }

    private sealed class Allowance(ReplayBudgets budgets, IPAddress address) : IReplayAllowance
    {
        public long Left => budgets.Left(address);

        public void Spend(long bytes) => budgets.Spend(address, bytes);
    }

    private sealed class Bucket(long tokens, long refilledAt)
    {
        private readonly Lock _gate = new();
        private double _tokens = tokens;
        private long _refilledAt = refilledAt;

        public long Refill(long now, ReplayBudgets budgets)
        {
            lock (_gate)
            {
                double seconds = budgets._clock.GetElapsedTime(_refilledAt, now).TotalSeconds;
                if (seconds > 0) _tokens = Math.Min(budgets._limits.ReplayBurstBytes, _tokens + seconds * budgets._limits.ReplayBytesPerSecond);
                _refilledAt = Math.Max(_refilledAt, now);
                return (long)_tokens;
            }
        }

        /// <summary>Takes what was replayed; it may run into debt when connections replayed at once, which later refills pay off.</summary>
        public void Take(long bytes, long now, ReplayBudgets budgets)
        {
            Refill(now, budgets);
            lock (_gate) _tokens -= bytes;
        }
    }
}
