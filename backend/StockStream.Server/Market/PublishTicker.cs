using StockStream.Protocol;

namespace StockStream.Server.Market;

/// <summary>
/// The generator's publish beat. .NET's timers (<see cref="PeriodicTimer"/>, <c>Task.Delay</c>) fire on the runtime's
/// timer thread, which on Linux wakes on a coarse clock: asked for 1 ms they fire every 4–5 ms, so every tick would
/// wait up to that long for its batch. A thread of its own that sleeps the interval wakes within about 0.1 ms of it;
/// each wake-up releases the generator's loop, which runs on the thread pool as before. Wake-ups the loop was too busy
/// to take fold into one, as a <see cref="PeriodicTimer"/>'s do. Beats before the time set by <see cref="QuietUntil"/>
/// do not wake the loop, so a market whose next tick is several beats away costs a wake-up per tick, not per beat.
/// </summary>
public sealed class PublishTicker : IDisposable
{
    private readonly SemaphoreSlim _due = new(0, 1);
    private readonly Lock _gate = new();
    private readonly int _intervalMs;
    private readonly TimeProvider _clock;
    private volatile bool _stopped;
    private long _quietUntil;

    public PublishTicker(int intervalMs, TimeProvider clock)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(intervalMs, 1);
        _intervalMs = intervalMs;
        _clock = clock;
        new Thread(Beat) { IsBackground = true, Name = "Market publish ticker" }.Start();
    }

    /// <summary>Completes with true at the next beat (at once if one passed since the last call), false once disposed.</summary>
    public async ValueTask<bool> WaitForNextTickAsync(CancellationToken cancellationToken)
    {
        if (_stopped) return false;
        await _due.WaitAsync(cancellationToken);
        return !_stopped;
    }

    /// <summary>Beats before <paramref name="unixMicroseconds"/> (on the ticker's clock) do not wake the loop; beats from then on do again.</summary>
    public void QuietUntil(long unixMicroseconds) => Volatile.Write(ref _quietUntil, unixMicroseconds);

    public void Dispose()
    {
        _stopped = true;
        Release();
    }

    private void Beat()
    {
        while (!_stopped)
        {
            Thread.Sleep(_intervalMs);
            if (_clock.NowMicroseconds() >= Volatile.Read(ref _quietUntil)) Release();
        }
    }

    private void Release()
    {
        lock (_gate)
        {
            if (_due.CurrentCount == 0) _due.Release();
        }
    }
}
