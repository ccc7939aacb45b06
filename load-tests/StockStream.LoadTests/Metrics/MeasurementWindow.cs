using StockStream.Protocol;

namespace StockStream.LoadTests.Metrics;

/// <summary>
/// Which ticks a scenario counts: those due from <see cref="StartMicros"/> (after any warm-up) up to <see cref="CutoffMicros"/>.
/// Ticks still in flight at the cutoff are awaited for a drain time, so the end of a run does not show up as lost ticks.
/// </summary>
public sealed class MeasurementWindow
{
    private long _startMicros = long.MinValue;
    private long _cutoffMicros = long.MaxValue;

    /// <summary>Server clock minus client clock, in µs, added to receive times; 0 on one host.</summary>
    public long ClockOffsetMicros { get; init; }

    /// <summary>Ticks due before this only set where each stream starts; they are not counted. Open from the start unless warming up.</summary>
    public long StartMicros => Volatile.Read(ref _startMicros);

    public long CutoffMicros => Volatile.Read(ref _cutoffMicros);

    public bool IsClosed => CutoffMicros != long.MaxValue;

    /// <summary>Warm-up: count nothing until <see cref="Open"/>.</summary>
    public void StartLater() => Volatile.Write(ref _startMicros, long.MaxValue);

    /// <summary>When <see cref="Open"/> opens the window, µs (server clock), instead of "now": agents of one run then count the same ticks. Default null.</summary>
    public long? PlannedStartMicros { get; init; }

    /// <summary>When <see cref="Close"/> closes the window, µs (server clock), instead of "now". Default null.</summary>
    public long? PlannedCutoffMicros { get; init; }

    /// <summary>Starts counting ticks due from now (server clock), or from the planned start.</summary>
    public void Open() => Volatile.Write(ref _startMicros, PlannedStartMicros ?? UnixTime.NowMicroseconds() + ClockOffsetMicros);

    /// <summary>Stops counting ticks whose time is after now (server clock), or after the planned cutoff.</summary>
    public void Close() => Volatile.Write(ref _cutoffMicros, PlannedCutoffMicros ?? UnixTime.NowMicroseconds() + ClockOffsetMicros);

    public void OpenAt(long startMicros) => Volatile.Write(ref _startMicros, startMicros);

    public void CloseAt(long cutoffMicros) => Volatile.Write(ref _cutoffMicros, cutoffMicros);
}
