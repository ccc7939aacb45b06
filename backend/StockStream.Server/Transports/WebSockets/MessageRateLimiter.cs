namespace StockStream.Server.Transports.WebSockets;

/// <summary>A token bucket per connection: <c>ratePerSecond</c> refill, bursts of twice that. No allocation.</summary>
public sealed class MessageRateLimiter(int ratePerSecond, TimeProvider clock)
{
    private readonly double _capacity = ratePerSecond * 2.0;
    private double _tokens = ratePerSecond * 2.0;
    private long _last = clock.GetTimestamp();

    public bool TryAcquire()
    {
        long now = clock.GetTimestamp();
        _tokens = Math.Min(_capacity, _tokens + clock.GetElapsedTime(_last, now).TotalSeconds * ratePerSecond);
        _last = now;
        if (_tokens < 1) return false;
        _tokens -= 1;
        return true;
    }
}
