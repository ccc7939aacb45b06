using StockStream.Server.Transports.Limits;

namespace StockStream.Server.Transports.WebSockets;

/// <summary>
/// A token bucket per connection — <c>ratePerSecond</c> refill, bursts of twice that — that judges the client's rate,
/// not the server's reading of it: the messages a legal client may have sent while the server stood still (see
/// <see cref="ServerPauses"/>) are read afterwards as one burst, so they are credited, not refused. No allocation.
/// </summary>
public sealed class MessageRateLimiter(int ratePerSecond, TimeProvider clock, ServerPauses pauses)
{
    private readonly double _capacity = ratePerSecond * 2.0;
    private double _tokens = ratePerSecond * 2.0;
    // Messages a pause let through unread beyond the burst; used up first, and gone after as long again of running.
    private double _credit;
    private long _last = clock.GetTimestamp();
    private TimeSpan _pausedAtLast = pauses.Total;

    public bool TryAcquire()
    {
        long now = clock.GetTimestamp();
        var pausedNow = pauses.Total;
        double elapsed = clock.GetElapsedTime(_last, now).TotalSeconds;
        double paused = Math.Clamp((pausedNow - _pausedAtLast).TotalSeconds, 0, elapsed);
        _last = now;
        _pausedAtLast = pausedNow;
        _credit = Math.Max(0, _credit - (elapsed - paused) * ratePerSecond) + paused * ratePerSecond;
        _tokens = Math.Min(_capacity, _tokens + elapsed * ratePerSecond);
        if (_credit >= 1)
        {
            _credit -= 1;
            return true;
        }
        if (_tokens < 1) return false;
        _tokens -= 1;
        return true;
    }
}
