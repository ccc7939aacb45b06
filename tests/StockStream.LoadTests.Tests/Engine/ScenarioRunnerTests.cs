using StockStream.LoadTests.Engine;
using StockStream.LoadTests.Metrics;
using StockStream.LoadTests.Server;
using StockStream.LoadTests.Wire;

namespace StockStream.LoadTests.Tests.Engine;

public class ScenarioRunnerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task KeepsTheConstantNumberOfCopiesAndStopsThemAtTheEnd()
    {
        int running = 0, peak = 0;
        var scenario = Scenario.Create("hold", async context =>
        {
            int now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            try { await Task.Delay(System.Threading.Timeout.Infinite, context.CancellationToken); }
            finally { Interlocked.Decrement(ref running); }
            return Response.Ok();
        }).WithLoadSimulations(Simulation.KeepConstant(5, TimeSpan.FromMilliseconds(300))) with
        { DrainTime = TimeSpan.Zero };

        var (outcome, m) = await RunAsync(scenario);

        Assert.Equal(5, peak);
        Assert.Equal(0, running);
        Assert.Equal(5, outcome.CopiesStarted);
        Assert.True(outcome.StoppedCleanly);
        Assert.True(m.Window.IsClosed);
    }

    [Fact]
    public async Task CountsFailedSessionsByErrorAndStartsThemAgain()
    {
        // Two copies that fail at once: by the fifth attempt each copy has recorded at least one failure more than its
        // first, so three or more counted prove that failed sessions were started again.
        int attempts = 0;
        var fifthAttempt = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var scenario = Scenario.Create("refused", _ =>
        {
            if (Interlocked.Increment(ref attempts) == 5) fifthAttempt.TrySetResult();
            return Task.FromResult(Response.Fail("connect: HTTP 503"));
        }).WithLoadSimulations(Simulation.KeepConstant(2, Timeout)) with
        { DrainTime = TimeSpan.Zero };
        var m = new ScenarioMeasurements(new SymbolTable(["AAPL"]), new MeasurementWindow());
        using var stop = new CancellationTokenSource();

        var run = new ScenarioRunner(Monitor()) { RetryDelay = TimeSpan.FromMilliseconds(50) }.RunAsync(scenario, m, stop.Token);
        await fifthAttempt.Task.WaitAsync(Timeout);
        await stop.CancelAsync();
        await run.WaitAsync(Timeout);

        long failures = Assert.Single(m.Counters.ErrorsByKind, e => e.Key == "connect: HTTP 503").Value;
        Assert.True(failures >= 3, $"failed sessions should be counted and started again, saw {failures}");
    }

    [Fact]
    public async Task InjectStartsSessionsAtTheRateEachForItsLength()
    {
        int started = 0;
        var scenario = Scenario.Create("inject", async context =>
        {
            Interlocked.Increment(ref started);
            await Task.Delay(System.Threading.Timeout.Infinite, context.CancellationToken);
            return Response.Ok();
        }).WithLoadSimulations(Simulation.Inject(3, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(100)))
            with
        { DrainTime = TimeSpan.Zero };

        var (outcome, _) = await RunAsync(scenario);

        Assert.Equal(9, outcome.CopiesStarted);
        Assert.Equal(9, started); // at 0, 200 and 400 ms
        Assert.Equal(9, outcome.CopiesStarted);
    }

    [Fact]
    public async Task CountsNothingFromTheWarmUp()
    {
        long startSeenByCopies = 0;
        var scenario = Scenario.Create("warm", async context =>
        {
            context.Measurements.Counters.AddBytesReceived(1_000); // traffic of the warm-up
            Interlocked.CompareExchange(ref startSeenByCopies, context.Measurements.Window.StartMicros, 0);
            await Task.Delay(System.Threading.Timeout.Infinite, context.CancellationToken);
            return Response.Ok();
        }).WithLoadSimulations(Simulation.KeepConstant(2, TimeSpan.FromMilliseconds(300)), Simulation.KeepConstant(2, TimeSpan.FromMilliseconds(300)))
            with
        { WarmUp = TimeSpan.FromMilliseconds(300), DrainTime = TimeSpan.Zero };

        var (outcome, m) = await RunAsync(scenario);

        Assert.Equal(long.MaxValue, startSeenByCopies); // nothing counted while warming up
        Assert.InRange(m.Window.StartMicros, long.MinValue + 1, m.Window.CutoffMicros);
        Assert.Equal(0, m.Counters.BytesReceived);
        Assert.Equal(2, outcome.CopiesStarted); // warm-up copies carry on into the measured phase
        Assert.Equal(TimeSpan.FromMilliseconds(300), scenario.MeasuredDuration);
    }

    [Fact]
    public async Task ReadsTheEndOfTheRunWhileEveryCopyIsStillRunning()
    {
        int running = 0, runningAtTheEnd = -1;
        var scenario = Scenario.Create("hold", async context =>
        {
            Interlocked.Increment(ref running);
            try { await Task.Delay(System.Threading.Timeout.Infinite, context.CancellationToken); }
            finally { Interlocked.Decrement(ref running); }
            return Response.Ok();
        }).WithLoadSimulations(Simulation.KeepConstant(4, TimeSpan.FromMilliseconds(300))) with
        { DrainTime = TimeSpan.FromMilliseconds(50) };
        var runner = new ScenarioRunner(Monitor())
        {
            OnWindowClosed = _ =>
            {
                runningAtTheEnd = Volatile.Read(ref running);
                return Task.CompletedTask;
            },
        };

        var (_, m) = await RunAsync(scenario, runner);

        Assert.Equal(4, runningAtTheEnd);
        Assert.True(m.Window.IsClosed);
        Assert.Equal(0, running);
    }

    [Fact]
    public void RampingConstantMovesLinearlyToItsTarget()
    {
        var ramp = new RampingConstant(100, TimeSpan.FromSeconds(10));

        Assert.Equal(10, ramp.TargetCopies(TimeSpan.Zero, startCopies: 10));
        Assert.Equal(55, ramp.TargetCopies(TimeSpan.FromSeconds(5), startCopies: 10));
        Assert.Equal(100, ramp.TargetCopies(TimeSpan.FromSeconds(12), startCopies: 10));
    }

    private static async Task<(ScenarioOutcome, ScenarioMeasurements)> RunAsync(ScenarioProps scenario, ScenarioRunner? runner = null)
    {
        var m = new ScenarioMeasurements(new SymbolTable(["AAPL"]), new MeasurementWindow());
        runner ??= new ScenarioRunner(Monitor());
        var outcome = await runner.RunAsync(scenario, m, CancellationToken.None).WaitAsync(Timeout);
        return (outcome, m);
    }

    private static ScenarioMonitor Monitor() => new(new ClientOnlyProbe(), (_, _) => { }) { Interval = TimeSpan.FromMilliseconds(100) };

    private static void InterlockedMax(ref int target, int value)
    {
        for (int seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen) return;
        }
    }
}
