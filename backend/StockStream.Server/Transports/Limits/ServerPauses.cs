namespace StockStream.Server.Transports.Limits;

/// <summary>
/// How long this process has stood still — GC pauses, a starved thread pool, a descheduled process — measured as the
/// lateness of a short periodic beat (as jHiccup does), so a limit that judges a client by time can leave out the time
/// in which the server, not the client, was not reading.
/// </summary>
public sealed class ServerPauses : IDisposable
{
    /// <summary>How often the beat runs; a beat later than this counts as a pause.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    private readonly TimeProvider _clock;
    private readonly long _interval;
    private readonly ITimer _timer;
    private long _due;
    private long _paused;

    public ServerPauses(TimeProvider clock)
    {
        _clock = clock;
        _interval = (long)(Interval.TotalSeconds * clock.TimestampFrequency);
        _due = clock.GetTimestamp() + _interval;
        _timer = clock.CreateTimer(_ => Beat(), null, Interval, Interval);
    }

    /// <summary>Time stood still since start, a pause still going on (an overdue beat) included; never decreases.</summary>
    public TimeSpan Total
    {
        get
        {
            long due = Volatile.Read(ref _due);
            long paused = Volatile.Read(ref _paused);
            long overdue = Math.Max(0, _clock.GetTimestamp() - due);
            return TimeSpan.FromSeconds((double)(paused + overdue) / _clock.TimestampFrequency);
        }
    }

    /// <summary>The periodic beat: whatever it ran late by was a pause.</summary>
    internal void Beat()
    {
        long now = _clock.GetTimestamp();
        long late = now - Volatile.Read(ref _due);
        // Add the lateness before moving the due time, so Total never steps back in between.
        if (late > 0) Interlocked.Add(ref _paused, late);
        Volatile.Write(ref _due, now + _interval);
    }

    public void Dispose() => _timer.Dispose();
}
