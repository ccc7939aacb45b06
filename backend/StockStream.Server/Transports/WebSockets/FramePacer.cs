using Microsoft.Extensions.Options;
using StockStream.Server.Streaming;

namespace StockStream.Server.Transports.WebSockets;

/// <summary>
/// One shared beat every <see cref="WebSocketTransportOptions.CoalesceMs"/> that busy connections wait for, so their
/// ticks gather into fewer, larger frames. A connection that has not sent for a beat's length never waits: latency at
/// low rates is unchanged, and at high rates each connection sends at most about one tick frame per beat.
/// </summary>
internal sealed class FramePacer : IDisposable
{
    private readonly Lock _gate = new();
    private readonly ITimer? _timer;
    private List<SubscriberQueue> _waiting = [];
    private List<SubscriberQueue> _waking = [];
    private int _beating;

    public FramePacer(TimeProvider clock, IOptions<WebSocketTransportOptions> options)
    {
        Interval = TimeSpan.FromMilliseconds(options.Value.CoalesceMs);
        if (Interval > TimeSpan.Zero) _timer = clock.CreateTimer(_ => Beat(), null, Interval, Interval);
    }

    /// <summary>Least time between two tick frames of one connection; zero when pacing is off.</summary>
    public TimeSpan Interval { get; }

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
