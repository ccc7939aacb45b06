using Microsoft.Extensions.Options;
using StockStream.Protocol.Messages;
using StockStream.Server.Streaming;
using StockStream.Server.Transports.WebSockets;

namespace StockStream.Tests.Streaming;

public class FramePacerTests
{
    [Fact]
    public async Task QueueWaitingForTheBeatIsWokenByTheBeatNotByTicks()
    {
        var (kit, queue, a) = SubscribedQueue();
        var clock = new BeatClock();
        using var pacer = new FramePacer(clock, Options.Create(new WebSocketTransportOptions { CoalesceMs = 20 }));

        kit.Publish(a);
        await queue.WaitAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        pacer.WakeAtNextBeat(queue);
        var wait = queue.WaitAsync().AsTask();
        kit.Publish(a);
        kit.Publish(a);
        Assert.False(wait.IsCompleted);

        clock.Beat();
        await wait.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(3, StreamingTestKit.Drain(queue).Sum(item => item.Ticks.Count));
    }

    [Fact]
    public async Task ControlMessageDoesNotWaitForTheBeat()
    {
        var (kit, queue, a) = SubscribedQueue();
        using var pacer = new FramePacer(new BeatClock(), Options.Create(new WebSocketTransportOptions { CoalesceMs = 1_000 }));
        kit.Publish(a);
        await queue.WaitAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));

        pacer.WakeAtNextBeat(queue);
        var wait = queue.WaitAsync().AsTask();
        queue.EnqueueControl(new PongMessage(default, 1));

        await wait.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(queue.NeedsPromptSend);
    }

    [Fact]
    public void EngagesAboveTheFrameRateAndReleasesBelowHalfOfIt()
    {
        var clock = new BeatClock();
        // Measured over 10 beats of 20 ms: 1,000 frames/s is 200 frames a window.
        using var pacer = new FramePacer(clock, Options.Create(new WebSocketTransportOptions { CoalesceMs = 20, CoalesceAboveFramesPerSecond = 1_000 }));
        Assert.False(pacer.Engaged);

        Window(clock, pacer, frames: 190);
        Assert.False(pacer.Engaged);
        Window(clock, pacer, frames: 210);
        Assert.True(pacer.Engaged);
        Window(clock, pacer, frames: 110);
        Assert.True(pacer.Engaged);
        Window(clock, pacer, frames: 90);
        Assert.False(pacer.Engaged);
    }

    [Fact]
    public void NoBeatRunsWhenCoalescingIsOff()
    {
        var clock = new BeatClock();
        using var pacer = new FramePacer(clock, Options.Create(new WebSocketTransportOptions { CoalesceMs = 0 }));
        Assert.Equal(TimeSpan.Zero, pacer.Interval);
        Assert.Equal(0, clock.Timers);
    }

    private static void Window(BeatClock clock, FramePacer pacer, int frames)
    {
        for (int i = 0; i < frames; i++) pacer.FrameSent();
        for (int i = 0; i < 10; i++) clock.Beat();
    }

    private static (StreamingTestKit Kit, SubscriberQueue Queue, string Symbol) SubscribedQueue()
    {
        var kit = new StreamingTestKit();
        string a = kit.Symbol(0);
        var queue = kit.NewQueue();
        kit.Hub.Subscribe(queue, new SubscribeMessage(1, [a]));
        StreamingTestKit.Drain(queue);
        return (kit, queue, a);
    }

    /// <summary>A clock whose timers fire only when the test says so.</summary>
    private sealed class BeatClock : TimeProvider
    {
        private TimerCallback? _callback;

        public int Timers { get; private set; }

        public void Beat() => _callback?.Invoke(null);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Timers++;
            _callback = callback;
            return new StoppedTimer();
        }

        private sealed class StoppedTimer : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;
            public void Dispose() { }
            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
