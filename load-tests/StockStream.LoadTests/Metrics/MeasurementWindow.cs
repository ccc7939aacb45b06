namespace StockStream.LoadTests.Metrics;

/// <summary>
/// Which ticks a scenario counts: those due up to <see cref="CutoffMicros"/>. Ticks still in flight at the cutoff
/// are awaited for a grace period, so the end of a run does not show up as lost ticks.
/// </summary>
public sealed class MeasurementWindow
{
    private long _cutoffMicros = long.MaxValue;

    /// <summary>Server clock minus client clock, in µs, added to receive times; 0 on one host.</summary>
    public long ClockOffsetMicros { get; init; }

    public long CutoffMicros => Volatile.Read(ref _cutoffMicros);

    public bool IsClosed => CutoffMicros != long.MaxValue;

    /// <summary>Stops counting ticks whose time is after now (server clock).</summary>
    public void Close() => Volatile.Write(ref _cutoffMicros, UnixClock.NowMicros + ClockOffsetMicros);

    public void CloseAt(long cutoffMicros) => Volatile.Write(ref _cutoffMicros, cutoffMicros);
}
