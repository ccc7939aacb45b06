using StockStream.LoadTests.Metrics;
using StockStream.LoadTests.Server;

namespace StockStream.LoadTests.Engine;

/// <summary>What <see cref="ScenarioMonitor"/> saw: the timeline and the resources at the start and the end.</summary>
public sealed record MonitoredRun(IReadOnlyList<TimelinePoint> Timeline, ResourceSnapshot Start, ResourceSnapshot End, string ServerSource, bool ServerOnThisMachine)
{
    /// <summary>Each timeline point's tick-age histogram, encoded, when the monitor kept them; else empty.</summary>
    public IReadOnlyList<string> IntervalHistograms { get; init; } = [];
}
