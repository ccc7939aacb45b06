namespace StockStream.Tests.Infrastructure;

/// <summary>A clock the test moves; its timers never fire by themselves (the test calls what they would).</summary>
public sealed class ManualClock : TimeProvider
{
    private long _now = 1_000_000_000;

    public int Timers { get; private set; }

    public void Advance(TimeSpan by) => _now += (long)(by.TotalSeconds * TimestampFrequency);

    public override long GetTimestamp() => _now;

    public override long TimestampFrequency => 1_000_000_000;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Timers++;
        return new StoppedTimer();
    }

    private sealed class StoppedTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;
        public void Dispose() { }
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
