using StockStream.LoadTests.Metrics;
using StockStream.LoadTests.Server;

namespace StockStream.LoadTests.Engine;

/// <summary>What <see cref="ScenarioMonitor"/> saw: the timeline and the resources at the start and the end.</summary>
public sealed record MonitoredRun(IReadOnlyList<TimelinePoint> Timeline, ResourceSnapshot Start, ResourceSnapshot End, string ServerSource, bool ServerOnThisMachine);
