using System.Diagnostics.Metrics;

namespace StockStream.Server.Streaming;

/// <summary>What the fan-out measures: ticks queued for connections, ticks conflated for slow readers, replays refused.</summary>
public sealed class StreamingMetrics
{
    private readonly Meter _meter;
    private readonly Counter<long> _ticksConflated;
    private readonly Counter<long> _replaysRefused;

    public StreamingMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(ServerMeter.Name);
        _ticksConflated = _meter.CreateCounter<long>("stockstream.ticks.conflated", "{tick}", "Ticks dropped for slow readers.");
        _replaysRefused = _meter.CreateCounter<long>("stockstream.replays.refused", "{replay}",
            "Resumes and cursors restarted from quotes because their missed ticks exceeded the replay budget.");
    }

    /// <summary>Reports the ticks waiting in every connection's queue (what slow readers cost in memory).</summary>
    public void ObservePendingTicks(Func<long> pendingTicks) =>
        _meter.CreateObservableGauge("stockstream.ticks.pending", pendingTicks, "{tick}", "Ticks queued for connections, not yet sent.");

    public void TicksConflated(int count) => _ticksConflated.Add(count);

    /// <summary>A resume (per symbol) or a poll that would have replayed more than the budget allows.</summary>
    public void ReplayRefused() => _replaysRefused.Add(1);
}
