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
    public StreamCounters Counters { get; } = new();

    public IReadOnlyCollection<StreamTracker> Trackers => _trackers;

    /// <summary>A tracker for one new connection, kept for the delivery statistics.</summary>
    public StreamTracker NewTracker()
    {
        var tracker = new StreamTracker(Symbols, Window, TickAge);
        _trackers.Add(tracker);
        return tracker;
    }

    public DeliveryStats Delivery() => DeliveryStats.From(_trackers, Symbols.Count, Counters.ConflatedFrames);
}
