namespace StockStream.Protocol;

/// <summary>The protocol's clock unit: microseconds since the Unix epoch, UTC.</summary>
public static class UnixTime
{
    public static long ToMicroseconds(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;

    public static long NowMicroseconds(this TimeProvider clock) => ToMicroseconds(clock.GetUtcNow());

    /// <summary>This machine's wall clock now, for clients that stamp what they receive.</summary>
    public static long NowMicroseconds() => (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond;
}
