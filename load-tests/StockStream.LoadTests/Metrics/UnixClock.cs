namespace StockStream.LoadTests.Metrics;

/// <summary>Wall-clock time in microseconds since the Unix epoch, the unit of a tick's <c>time</c>.</summary>
public static class UnixClock
{
    public static long NowMicros => (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond;
}
