using System.Diagnostics;
using StockStream.LoadTests.Metrics;
using StockStream.LoadTests.Server;

namespace StockStream.LoadTests.Engine;

/// <summary>Samples a running scenario every interval into a timeline, and reports each sample to the live display.</summary>
public sealed class ScenarioMonitor(IServerProbe server, Action<string, TimelinePoint> onSample)
{
    /// <summary>Sampling interval. Default 1 s.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Keep each sample's tick-age histogram (encoded), for a coordinator to merge agents' timelines. Default false.</summary>
    public bool KeepIntervalHistograms { get; init; }

    /// <summary>Samples until cancelled; returns the timeline and the first and last resource snapshots.</summary>
    public async Task<MonitoredRun> RunAsync(string scenario, ScenarioMeasurements m, CancellationToken cancellationToken)
    {
        var timeline = new List<TimelinePoint>();
        var histograms = new List<string>();
        var clock = Stopwatch.StartNew();
        var first = await server.SampleAsync(CancellationToken.None);
        var previous = first;
        long previousTicks = 0, previousBytes = 0;
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken)) await SampleAsync();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await SampleAsync();
        }
        return new MonitoredRun(timeline, first, previous, server.Source, server is ProcStatProbe or ClusterProbe { OnThisMachine: true }) { IntervalHistograms = histograms };

        async Task SampleAsync()
        {
            var now = await server.SampleAsync(CancellationToken.None);
            double seconds = (now.At - previous.At).TotalSeconds;
            if (seconds <= 0) return;
            string encoded = "";
            var interval = KeepIntervalHistograms ? m.TickAge.TakeInterval(out encoded) : m.TickAge.TakeInterval();
            var c = m.Counters;
            if (c.Ticks < previousTicks || c.BytesReceived < previousBytes) previousTicks = previousBytes = 0; // the warm-up ended
            var point = new TimelinePoint(
                clock.Elapsed.TotalSeconds, c.ActiveClients,
                (c.Ticks - previousTicks) / seconds, (c.BytesReceived - previousBytes) / seconds,
                interval.P50Ms, interval.P99Ms, interval.MaxMs, c.Errors,
                now.ServerCoresSince(previous), now.ServerRssBytes / 1048576.0, now.ClientCoresSince(previous),
                c.Ticks > previousTicks ? (double)(now.ClientAllocatedBytes - previous.ClientAllocatedBytes) / (c.Ticks - previousTicks) : 0);
            previousTicks = c.Ticks;
            previousBytes = c.BytesReceived;
            previous = now;
            timeline.Add(point);
            if (KeepIntervalHistograms) histograms.Add(encoded);
            onSample(scenario, point);
        }
    }
}
