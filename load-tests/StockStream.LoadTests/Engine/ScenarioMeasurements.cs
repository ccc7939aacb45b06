using System.Collections.Concurrent;
using StockStream.LoadTests.Metrics;
using StockStream.LoadTests.Wire;

namespace StockStream.LoadTests.Engine;

/// <summary>Everything the copies of one scenario record into: tick age, connect time, counters, and each connection's seq tracker.</summary>
public sealed class ScenarioMeasurements(SymbolTable symbols, MeasurementWindow window)
{
    private readonly ConcurrentBag<StreamTracker> _trackers = [];

    public SymbolTable Symbols { get; } = symbols;
    public MeasurementWindow Window { get; } = window;
    /// <summary>Receive time minus tick time, µs.</summary>
    public LatencyRecorder TickAge { get; } = new();
    /// <summary>TCP connect plus handshake (WebSocket upgrade, or HTTP response headers), µs.</summary>
    public LatencyRecorder ConnectTime { get; } = new();
    /// <summary>From a dropped connection to its stream resumed on a new one (the SubAck of the resuming Subscribe), µs.</summary>
    public LatencyRecorder ReconnectTime { get; } = new();
    public StreamCounters Counters { get; } = new();

    public IReadOnlyCollection<StreamTracker> Trackers => _trackers;

    /// <summary>A tracker for one new connection, kept for the delivery statistics.</summary>
    public StreamTracker NewTracker()
    {
        var tracker = new StreamTracker(Symbols, Window, TickAge);
        _trackers.Add(tracker);
        return tracker;
    }

    private readonly List<DeliveryTally> _imported = [];

    /// <summary>Adds the streams counted elsewhere (by an agent) to this scenario's delivery.</summary>
    public void Import(DeliveryTally tally)
    {
        lock (_imported) _imported.Add(tally);
    }

    /// <summary>This scenario's streams, and those imported, in one tally.</summary>
    public DeliveryTally Tally()
    {
        var tally = DeliveryTally.Of(_trackers, Symbols.Count);
        lock (_imported) foreach (var other in _imported) tally.Add(other);
        return tally;
    }

    public DeliveryStats Delivery() => Tally().ToStats(Counters.ConflatedFrames);
}
