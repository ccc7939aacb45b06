using System.Threading.Tasks.Sources;

namespace StockStream.Server.Streaming;

/// <summary>
/// An auto-reset event for one waiter that allocates nothing per wait: the producer calls <see cref="Set"/>,
/// the connection's writer loop awaits <see cref="WaitAsync"/>. Continuations never run on the producer's thread.
/// </summary>
public sealed class AsyncSignal : IValueTaskSource
{
    private const int Idle = 0, Signaled = 1, Waiting = 2;
    private ManualResetValueTaskSourceCore<bool> _core = new() { RunContinuationsAsynchronously = true };
    private int _state;
    private long _wokenAt;

    /// <summary><see cref="System.Diagnostics.Stopwatch"/> timestamp of the last <see cref="Set"/> that woke a waiting waiter.</summary>
    public long WokenAt => Volatile.Read(ref _wokenAt);

    public void Set()
    {
        while (true)
        {
            switch (Volatile.Read(ref _state))
            {
                case Signaled:
                    return;
                case Idle when Interlocked.CompareExchange(ref _state, Signaled, Idle) == Idle:
                    return;
                case Waiting when Interlocked.CompareExchange(ref _state, Idle, Waiting) == Waiting:
                    Volatile.Write(ref _wokenAt, System.Diagnostics.Stopwatch.GetTimestamp());
                    _core.SetResult(true);
                    return;
            }
        }
    }

    /// <summary>Completes at once if signaled since the last wait, else at the next <see cref="Set"/>. One waiter at a time.</summary>
    public ValueTask WaitAsync()
    {
        if (Interlocked.CompareExchange(ref _state, Idle, Signaled) == Signaled) return ValueTask.CompletedTask;
        _core.Reset();
        if (Interlocked.CompareExchange(ref _state, Waiting, Idle) != Idle)
        {
            // Set() ran between the two exchanges: consume it.
            Volatile.Write(ref _state, Idle);
            return ValueTask.CompletedTask;
        }
        return new ValueTask(this, _core.Version);
    }

    void IValueTaskSource.GetResult(short token) => _core.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);
}
