using System.Diagnostics.Metrics;

namespace StockStream.Server.Streaming;

/// <summary>What the fan-out measures: ticks queued for connections and ticks conflated for slow readers.</summary>
public sealed class StreamingMetrics
{
    private readonly Meter _meter;
    private readonly Counter<long> _ticksConflated;

    public StreamingMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(ServerMeter.Name);
        _ticksConflated = _meter.CreateCounter<long>("stockstream.ticks.conflated", "{tick}", "Ticks dropped for slow readers.");
    }

    /// <summary>Reports the ticks waiting in every connection's queue (what slow readers cost in memory).</summary>
    public void ObservePendingTicks(Func<long> pendingTicks) =>
        _meter.CreateObservableGauge("stockstream.ticks.pending", pendingTicks, "{tick}", "Ticks queued for connections, not yet sent.");

    public void TicksConflated(int count) => _ticksConflated.Add(count);
}
