using Microsoft.Extensions.Options;
using StockStream.Server.Streaming;

namespace StockStream.Server.Transports.WebSockets;

/// <summary>
/// One shared beat every <see cref="WebSocketTransportOptions.CoalesceMs"/> that busy connections wait for, so their
/// ticks gather into fewer, larger frames. It engages only while the server sends more than
/// <see cref="WebSocketTransportOptions.CoalesceAboveFramesPerSecond"/> (frames, not bytes, are the cost) and releases
/// below half that; even then a connection that has not sent for a beat's length never waits.
/// </summary>
internal sealed class FramePacer : IDisposable
{
    // Beats per measurement of the frame rate: 10 × 20 ms.
    private const int BeatsPerWindow = 10;
    private readonly Lock _gate = new();
    private readonly ITimer? _timer;
    private readonly long _engageAbove;
    private List<SubscriberQueue> _waiting = [];
    private List<SubscriberQueue> _waking = [];
    private long _frames;
    private int _beating, _beats;
    private volatile bool _engaged;

    public FramePacer(TimeProvider clock, IOptions<WebSocketTransportOptions> options)
    {
        Interval = TimeSpan.FromMilliseconds(options.Value.CoalesceMs);
        _engageAbove = (long)(options.Value.CoalesceAboveFramesPerSecond * Interval.TotalSeconds * BeatsPerWindow);
        if (Interval > TimeSpan.Zero) _timer = clock.CreateTimer(_ => Beat(), null, Interval, Interval);
    }

    /// <summary>Least time between two tick frames of one connection; zero when pacing is off.</summary>
    public TimeSpan Interval { get; }

    /// <summary>Whether busy connections wait for the beat now.</summary>
    public bool Engaged => _engaged;

    /// <summary>Counts a tick frame sent, for the rate that engages pacing.</summary>
    public void FrameSent() => Interlocked.Increment(ref _frames);

    /// <summary>
    /// Signals the queue at the next beat. Its writer then waits on the queue as usual: ticks do not wake it (the hub
    /// signals a queue only once between two drains), but a control message or completion still does at once.
    /// </summary>
    public void WakeAtNextBeat(SubscriberQueue queue)
    {
        lock (_gate) _waiting.Add(queue);
    }

    private void Beat()
    {
        // A beat that runs late must not overlap the next one: the lists are swapped, not copied.
        if (Interlocked.Exchange(ref _beating, 1) == 1) return;
        try
        {
            if (++_beats == BeatsPerWindow)
            {
                _beats = 0;
                long frames = Interlocked.Exchange(ref _frames, 0);
                _engaged = _engaged ? frames > _engageAbove / 2 : frames > _engageAbove;
            }
            List<SubscriberQueue> due;
            lock (_gate)
            {
                due = _waiting;
                _waiting = _waking;
            }
            foreach (var queue in due) queue.Signal();
            due.Clear();
            _waking = due;
        }
        finally
        {
            Volatile.Write(ref _beating, 0);
        }
    }

    public void Dispose() => _timer?.Dispose();
}
