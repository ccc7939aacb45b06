namespace StockStream.Protocol;

/// <summary>The protocol's clock unit: microseconds since the Unix epoch, UTC.</summary>
public static class UnixTime
{
    public static long ToMicroseconds(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public static long NowMicroseconds(this TimeProvider clock) => ToMicroseconds(clock.GetUtcNow());
}
