using Microsoft.Extensions.Options;
using StockStream.Server.Streaming;

namespace StockStream.Server.Transports.WebSockets;

/// <summary>
/// Latency first, batching only under pressure. Every connection sends each tick as soon as it is published while the
/// whole server sends fewer tick frames a second than <see cref="WebSocketTransportOptions.FrameBudgetPerSecond"/>
/// (frames, not bytes, are what costs CPU; each tick they carry adds <see cref="WebSocketTransportOptions.TickCostInFrames"/>
/// of a frame) and woken writers get a thread within
/// <see cref="WebSocketTransportOptions.WakeLagBudgetMs"/> on average (the CPU keeps up). Past either a minimum gap between two tick frames of one connection
/// engages and adapts — growing in proportion to the excess, shrinking once the rate is back under 80 % of the budget,
/// at most <see cref="WebSocketTransportOptions.MaxFrameGapMs"/> — so frames grow just enough to fit the budget. A
/// deferred connection is woken when its own gap has passed (a 1 ms timer wheel), not at a beat shared by all, and a
/// connection that has not sent for a gap's length never waits.
/// </summary>
internal sealed class FrameBudget : IDisposable
{
    private const int WheelSlots = 64;
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan IdlePeriod = TimeSpan.FromMilliseconds(10), EngagedPeriod = TimeSpan.FromMilliseconds(1);
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private readonly List<SubscriberQueue>[] _wheel = [.. Enumerable.Range(0, WheelSlots).Select(_ => new List<SubscriberQueue>())];
    private readonly ITimer? _timer;
    private readonly double _budget, _tickCost;
    private readonly long _ticksPerMs, _maxGap;
    private List<SubscriberQueue> _due = [];
    private readonly double _wakeLagBudgetMs;
    private long _frames, _ticks, _gap, _windowStart, _releasedThroughMs, _wakes, _wakeLagTicks;
    private int _waiting, _turning;
    private bool _fastTimer;

    public FrameBudget(TimeProvider clock, IOptions<WebSocketTransportOptions> options)
    {
        _clock = clock;
        _budget = options.Value.FrameBudgetPerSecond;
        _tickCost = options.Value.TickCostInFrames;
        _ticksPerMs = Math.Max(1, clock.TimestampFrequency / 1_000);
        _maxGap = options.Value.MaxFrameGapMs * _ticksPerMs;
        _wakeLagBudgetMs = options.Value.WakeLagBudgetMs;
        _windowStart = clock.GetTimestamp();
        _releasedThroughMs = _windowStart / _ticksPerMs;
        if (_budget > 0 && _maxGap > 0) _timer = clock.CreateTimer(_ => Turn(), null, IdlePeriod, IdlePeriod);
    }

    /// <summary>The least time between two tick frames of one connection now; zero while the server is under budget.</summary>
    public TimeSpan Gap => TimeSpan.FromMilliseconds((double)Volatile.Read(ref _gap) / _ticksPerMs);

    /// <summary>Counts a tick frame sent and the ticks it carried, for the rate the budget is held against.</summary>
    public void FrameSent(int ticks)
    {
        Interlocked.Increment(ref _frames);
        Interlocked.Add(ref _ticks, ticks);
    }

    /// <summary>
    /// Records how long a woken writer waited for a thread (<see cref="System.Diagnostics.Stopwatch"/> ticks): when that
    /// grows past <see cref="WebSocketTransportOptions.WakeLagBudgetMs"/> on average, the CPU is the bottleneck, and the
    /// gap grows as if the frame budget were exceeded.
    /// </summary>
    public void WakeObserved(long lagStopwatchTicks)
    {
        Interlocked.Increment(ref _wakes);
        Interlocked.Add(ref _wakeLagTicks, lagStopwatchTicks);
    }

    /// <summary>
    /// When the connection's previous tick frame (a <see cref="TimeProvider.GetTimestamp"/>, 0 for none) was sent less than
    /// a gap ago, signals <paramref name="queue"/> once the gap has passed and returns true: its writer then waits on the
    /// queue as usual (ticks do not wake it — the hub signals a queue once between two drains — but a control message
    /// or completion does at once). Otherwise returns false: send now.
    /// </summary>
    public bool Defer(SubscriberQueue queue, long lastFrame)
    {
        long gap = Volatile.Read(ref _gap);
        if (gap == 0 || lastFrame == 0) return false;
        long due = lastFrame + gap;
        if (due <= _clock.GetTimestamp()) return false;
        lock (_gate)
        {
            long dueMs = Math.Max(_releasedThroughMs + 1, (due + _ticksPerMs - 1) / _ticksPerMs);
            _wheel[dueMs % WheelSlots].Add(queue);
            _waiting++;
        }
        return true;
    }

    /// <summary>One turn of the timer: measures the frame rate every window and wakes the connections whose gap has passed.</summary>
    internal void Turn()
    {
        // A turn that runs late must not overlap the next one.
        if (Interlocked.Exchange(ref _turning, 1) == 1) return;
        try
        {
            long now = _clock.GetTimestamp();
            if (now - _windowStart >= Window.TotalMilliseconds * _ticksPerMs) Measure(now);
            Release(now / _ticksPerMs);
            bool fast = Volatile.Read(ref _gap) > 0 || Volatile.Read(ref _waiting) > 0;
            if (fast != _fastTimer)
            {
                _fastTimer = fast;
                var period = fast ? EngagedPeriod : IdlePeriod;
                _timer?.Change(period, period);
            }
        }
        finally
        {
            Volatile.Write(ref _turning, 0);
        }
    }

    private void Measure(long now)
    {
        double seconds = (double)(now - _windowStart) / _clock.TimestampFrequency;
        double rate = (Interlocked.Exchange(ref _frames, 0) + _tickCost * Interlocked.Exchange(ref _ticks, 0)) / seconds;
        long wakes = Interlocked.Exchange(ref _wakes, 0);
        double lagMs = wakes == 0 ? 0 : Interlocked.Exchange(ref _wakeLagTicks, 0) * 1_000.0 / wakes / System.Diagnostics.Stopwatch.Frequency;
        _windowStart = now;
        long gap = _gap;
        double excess = Math.Max(rate / _budget, _wakeLagBudgetMs > 0 ? lagMs / _wakeLagBudgetMs : 0);
        if (excess > 1) gap = Math.Min(_maxGap, Math.Max(_ticksPerMs, (long)(gap * Math.Min(excess, 2))));
        else if (excess < 0.8) gap = gap * 3 / 4 < _ticksPerMs ? 0 : gap * 3 / 4;
        Volatile.Write(ref _gap, gap);
    }

    private void Release(long nowMs)
    {
        List<SubscriberQueue> due;
        lock (_gate)
        {
            if (_waiting == 0)
            {
                _releasedThroughMs = nowMs;
                return;
            }
            due = _due;
            for (long ms = _releasedThroughMs + 1, last = Math.Min(nowMs, _releasedThroughMs + WheelSlots); ms <= last; ms++)
            {
                var slot = _wheel[ms % WheelSlots];
                due.AddRange(slot);
                slot.Clear();
            }
            _releasedThroughMs = nowMs;
            _waiting -= due.Count;
            _due = [];
        }
        foreach (var queue in due) queue.Signal();
        due.Clear();
        lock (_gate) _due = due;
    }

    public void Dispose() => _timer?.Dispose();
}
