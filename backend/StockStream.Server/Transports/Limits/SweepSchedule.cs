namespace StockStream.Server.Transports.Limits;

/// <summary>
/// Lets one caller at a time sweep a table of per-address entries, at most once per interval: the callers that add
/// entries ask it, so a table swept this way needs no timer of its own.
/// </summary>
internal sealed class SweepSchedule(TimeProvider clock, TimeSpan interval)
{
    private long _sweptAt;

    /// <summary>True for the one caller that should sweep now (<paramref name="now"/>: a <see cref="TimeProvider.GetTimestamp"/>).</summary>
    public bool IsDue(long now)
    {
        long last = Volatile.Read(ref _sweptAt);
        if (last != 0 && clock.GetElapsedTime(last, now) < interval) return false;
        return Interlocked.CompareExchange(ref _sweptAt, now, last) == last;
    }
}
