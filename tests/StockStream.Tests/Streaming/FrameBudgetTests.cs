using Microsoft.Extensions.Options;
using StockStream.Protocol.Messages;
using StockStream.Server.Streaming;
using StockStream.Server.Transports.WebSockets;
using StockStream.Tests.Infrastructure;

namespace StockStream.Tests.Streaming;

public class FrameBudgetTests
{
    [Fact]
    public void ConnectionWithNoSendInFlightIsNotHeldBackUnderTheBudget()
    {
        var clock = new ManualClock();
        using var budget = new FrameBudget(clock, Options.Create(new WebSocketTransportOptions { FrameBudgetPerSecond = 1_000 }));
        var (_, queue, _) = SubscribedQueue();
        Window(clock, budget, frames: 90); // 900 frames/s
        Assert.Equal(TimeSpan.Zero, budget.Gap);
        Assert.False(budget.Defer(queue, clock.GetTimestamp()));
    }

    [Fact]
    public async Task OverTheBudgetARecentSenderWaitsForItsOwnGapOnly()
    {
        var clock = new ManualClock();
        using var budget = new FrameBudget(clock, Options.Create(new WebSocketTransportOptions { FrameBudgetPerSecond = 1_000 }));
        var (kit, queue, a) = SubscribedQueue();
        Window(clock, budget, frames: 300); // 3,000 frames/s: three times the budget
        Assert.InRange(budget.Gap, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(20));

        kit.Publish(a);
        await queue.WaitAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        long sentJustNow = clock.GetTimestamp();
        Assert.True(budget.Defer(queue, sentJustNow));
        var wait = queue.WaitAsync().AsTask();
        kit.Publish(a);
        Assert.False(wait.IsCompleted); // ticks gather...

        clock.Advance(budget.Gap + TimeSpan.FromMilliseconds(1));
        budget.Turn();
        await wait.WaitAsync(TimeSpan.FromSeconds(5)); // ...until this connection's gap has passed
        Assert.Equal(2, StreamingTestKit.Drain(queue).Sum(item => item.Ticks.Count));

        // One that last sent longer than a gap ago sends at once.
        Assert.False(budget.Defer(queue, sentJustNow));
    }

    [Fact]
    public async Task ControlMessageDoesNotWaitForTheGap()
    {
        var clock = new ManualClock();
        using var budget = new FrameBudget(clock, Options.Create(new WebSocketTransportOptions { FrameBudgetPerSecond = 1_000 }));
        var (kit, queue, a) = SubscribedQueue();
        Window(clock, budget, frames: 1_000);
        kit.Publish(a);
        await queue.WaitAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(budget.Defer(queue, clock.GetTimestamp()));
        var wait = queue.WaitAsync().AsTask();
        queue.EnqueueControl(new PongMessage(default, 1));
        await wait.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(queue.NeedsPromptSend);
    }

    [Fact]
    public void GapGrowsWithTheExcessIsCappedAndReleasesOnceUnderTheBudget()
    {
        var clock = new ManualClock();
        using var budget = new FrameBudget(clock, Options.Create(new WebSocketTransportOptions { FrameBudgetPerSecond = 1_000, MaxFrameGapMs = 20 }));
        Window(clock, budget, frames: 200);
        var first = budget.Gap;
        Window(clock, budget, frames: 200);
        Assert.True(budget.Gap > first);
        for (int i = 0; i < 10; i++) Window(clock, budget, frames: 10_000);
        Assert.Equal(TimeSpan.FromMilliseconds(20), budget.Gap);
        Window(clock, budget, frames: 95); // between 80 % and 100 %: holds
        Assert.Equal(TimeSpan.FromMilliseconds(20), budget.Gap);
        for (int i = 0; i < 20; i++) Window(clock, budget, frames: 10);
        Assert.Equal(TimeSpan.Zero, budget.Gap);
    }

    [Fact]
    public void WritersWaitingLongForAThreadEngageTheGapEvenUnderTheFrameRate()
    {
        var clock = new ManualClock();
        using var budget = new FrameBudget(clock, Options.Create(new WebSocketTransportOptions { FrameBudgetPerSecond = 1_000_000, WakeLagBudgetMs = 5 }));
        for (int i = 0; i < 10; i++) budget.WakeObserved(System.Diagnostics.Stopwatch.Frequency / 100); // 10 ms each
        Window(clock, budget, frames: 10);
        Assert.True(budget.Gap > TimeSpan.Zero);

        for (int i = 0; i < 20; i++)
        {
            budget.WakeObserved(System.Diagnostics.Stopwatch.Frequency / 10_000); // 0.1 ms
            Window(clock, budget, frames: 10);
        }
        Assert.Equal(TimeSpan.Zero, budget.Gap);
    }

    [Theory]
    [InlineData(0.1, true)]
    [InlineData(0.0, false)]
    public void TicksAFrameCarriesAddTheirCostToTheBudget(double tickCost, bool engages)
    {
        var clock = new ManualClock();
        using var budget = new FrameBudget(clock, Options.Create(new WebSocketTransportOptions { FrameBudgetPerSecond = 1_000, TickCostInFrames = tickCost }));
        Window(clock, budget, frames: 90); // 90 frames of one tick, 9 more with the tick cost: under the budget either way
        Assert.Equal(TimeSpan.Zero, budget.Gap);

        Window(clock, budget, frames: 50, ticksPerFrame: 20); // fewer frames, but 1,000 ticks: 150 % of the budget with the tick cost
        Assert.Equal(engages, budget.Gap > TimeSpan.Zero);
    }

    [Fact]
    public void NoTimerRunsWithoutABudget()
    {
        var clock = new ManualClock();
        using var budget = new FrameBudget(clock, Options.Create(new WebSocketTransportOptions { FrameBudgetPerSecond = 0 }));
        Assert.Equal(0, clock.Timers);
    }

    /// <summary>100 ms with <paramref name="frames"/> tick frames sent, then the turn that measures them.</summary>
    private static void Window(ManualClock clock, FrameBudget budget, int frames, int ticksPerFrame = 1)
    {
        for (int i = 0; i < frames; i++) budget.FrameSent(ticksPerFrame);
        clock.Advance(TimeSpan.FromMilliseconds(100));
        budget.Turn();
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
}
