using System.Diagnostics;
using StockStream.LoadTests.Metrics;

namespace StockStream.LoadTests.Engine;

/// <summary>
/// Runs a scenario's copies through its load simulations, then closes the measurement window, lets ticks in flight
/// arrive for the drain time, and stops every copy.
/// </summary>
public sealed class ScenarioRunner(ScenarioMonitor monitor)
{
    /// <summary>How often the copy count is adjusted to the load simulation. Default 100 ms.</summary>
    public TimeSpan ControlInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Pause before a copy whose session failed starts again, so a refusing server is not hammered. Default 250 ms.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Called when counting starts: at the start, or when the warm-up ends. Default does nothing.</summary>
    public Func<CancellationToken, Task> OnWindowOpened { get; init; } = _ => Task.CompletedTask;

    /// <summary>
    /// Called when counting has ended and ticks in flight have arrived, while every copy is still connected (so gauges read
    /// now show the load, not its aftermath); also after a cancellation. Default does nothing.
    /// </summary>
    public Func<CancellationToken, Task> OnWindowClosed { get; init; } = _ => Task.CompletedTask;

    /// <summary>How long <see cref="OnWindowClosed"/> may take. Default 5 s.</summary>
    public TimeSpan WindowClosedTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Number of the first copy: an agent's copies continue the numbers of the agents before it. Default 0.</summary>
    public int FirstInstanceNumber { get; init; }

    /// <summary>How long stopped copies get to close their connections. Default 10 s.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public async Task<ScenarioOutcome> RunAsync(ScenarioProps scenario, ScenarioMeasurements m, CancellationToken cancellationToken)
    {
        using var monitorStop = new CancellationTokenSource();
        using var runStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var monitoring = monitor.RunAsync(scenario.Name, m, monitorStop.Token);
        var running = new List<Copy>();
        var all = new List<Task>();
        var clock = Stopwatch.StartNew();
        int nextNumber = FirstInstanceNumber;
        bool warmingUp = scenario.WarmUp > TimeSpan.Zero;
        if (warmingUp) m.Window.StartLater();
        else await OnWindowOpened(cancellationToken);

        try
        {
            foreach (var phase in scenario.LoadSimulations)
            {
                var phaseStart = clock.Elapsed;
                int startCopies = running.Count(c => !c.Stop.IsCancellationRequested);
                int injected = 0;
                while (clock.Elapsed - phaseStart < phase.During)
                {
                    if (warmingUp && clock.Elapsed >= scenario.WarmUp) await EndWarmUpAsync();
                    Control(phase, clock.Elapsed - phaseStart, startCopies, ref injected);
                    await Task.Delay(ControlInterval, cancellationToken);
                }
                // A late timer must not cost the phase its last step: catch up to where the phase ends.
                Control(phase, phase.During - TimeSpan.FromTicks(1), startCopies, ref injected);
            }
            if (warmingUp) await EndWarmUpAsync();
            m.Window.Close();
            await Task.Delay(scenario.DrainTime, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            m.Window.Close();
        }
        using (var closing = new CancellationTokenSource(WindowClosedTimeout))
        {
            try
            {
                await OnWindowClosed(closing.Token);
            }
            catch (OperationCanceledException) when (closing.IsCancellationRequested)
            {
                // Too slow to matter more than stopping on time: what it would have read is missing.
            }
        }

        await runStop.CancelAsync();
        bool stopped = await Task.WhenAll(all).WaitAsync(StopTimeout, CancellationToken.None).ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default);
        await monitorStop.CancelAsync();
        var monitored = await monitoring;
        foreach (var copy in running) copy.Stop.Dispose();
        return new ScenarioOutcome(scenario, clock.Elapsed, nextNumber - FirstInstanceNumber, monitored, stopped);

        async Task EndWarmUpAsync()
        {
            warmingUp = false;
            m.Counters.ResetTraffic();
            m.Window.Open();
            await OnWindowOpened(cancellationToken);
        }

        void Control(LoadSimulation phase, TimeSpan elapsed, int startCopies, ref int injected)
        {
            int target = phase.TargetCopies(elapsed, startCopies);
            if (phase is Inject inject)
            {
                if (injected == 0) Adjust(0); // an open model: copies of earlier phases end
                for (; injected < target; injected++) Start(inject.SessionLength, once: true);
            }
            else Adjust(target);
        }

        void Adjust(int target)
        {
            var live = running.Where(c => !c.Stop.IsCancellationRequested).ToList();
            for (int i = live.Count; i < target; i++) Start(null, once: false);
            for (int i = live.Count - 1; i >= target; i--) live[i].Stop.Cancel();
        }

        void Start(TimeSpan? sessionLength, bool once)
        {
            var stop = CancellationTokenSource.CreateLinkedTokenSource(runStop.Token);
            if (sessionLength is { } length) stop.CancelAfter(length);
            var context = new ScenarioContext(nextNumber++, m, stop.Token);
            var copy = new Copy(stop, RunCopyAsync(scenario, context, once));
            running.Add(copy);
            all.Add(copy.Task);
        }
    }

    private async Task RunCopyAsync(ScenarioProps scenario, ScenarioContext context, bool once)
    {
        await Task.Yield(); // start copies side by side, not one connect after another
        var token = context.CancellationToken;
        do
        {
            Response response;
            try
            {
                response = await scenario.Run(context);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                response = Response.Fail($"exception: {e.GetType().Name}");
            }

            if (response.IsOk) context.Measurements.Counters.AddSessionOk();
            else
            {
                context.Measurements.Counters.AddError(response.Error ?? "failed");
                if (!once && !token.IsCancellationRequested)
                {
                    try { await Task.Delay(RetryDelay, token); }
                    catch (OperationCanceledException) { break; }
                }
            }
        }
        while (!once && !token.IsCancellationRequested);
    }

    private sealed record Copy(CancellationTokenSource Stop, Task Task);
}
