using StockStream.LoadTests.Engine;
using StockStream.LoadTests.Metrics;

namespace StockStream.LoadTests.Agents;

/// <summary>What one agent measured, in parts that add up: counters, HDR histograms (encoded), the delivery tally and its timeline.</summary>
public sealed record AgentReport
{
    public required CounterValues Counters { get; init; }
    public required string TickAge { get; init; }
    public required string ConnectTime { get; init; }
    public required string ReconnectTime { get; init; }
    public long NegativeAges { get; init; }
    public required DeliveryTally Delivery { get; init; }
    public required IReadOnlyList<TimelinePoint> Timeline { get; init; }
    /// <summary>Each timeline point's tick-age histogram, encoded.</summary>
    public required IReadOnlyList<string> TimelineTickAges { get; init; }
    public double ClientCores { get; init; }
    public double ClientPeakCores { get; init; }
    public double ClientAllocatedBytesPerTick { get; init; }
    public bool StoppedCleanly { get; init; }
    public int Copies { get; init; }

    public static AgentReport From(ScenarioOutcome outcome, ScenarioMeasurements m)
    {
        var run = outcome.Monitored;
        var stats = ScenarioStatsBuilder.Build("", outcome, m);
        return new AgentReport
        {
            Counters = m.Counters.Snapshot(),
            TickAge = m.TickAge.EncodeTotal(),
            ConnectTime = m.ConnectTime.EncodeTotal(),
            ReconnectTime = m.ReconnectTime.EncodeTotal(),
            NegativeAges = m.TickAge.NegativeCount,
            Delivery = m.Tally(),
            Timeline = run.Timeline,
            TimelineTickAges = run.IntervalHistograms,
            ClientCores = stats.Resources.ClientCores,
            ClientPeakCores = stats.Resources.ClientPeakCores,
            ClientAllocatedBytesPerTick = stats.Resources.ClientAllocatedBytesPerTick,
            StoppedCleanly = outcome.StoppedCleanly,
            Copies = outcome.CopiesStarted,
        };
    }
}
