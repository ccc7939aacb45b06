using StockStream.LoadTests.Metrics;

namespace StockStream.LoadTests.Tests;

/// <summary>Scenario statistics made from real recorders and trackers, for threshold and report tests.</summary>
internal static class SampleStats
{
    public static ScenarioStats Create(string name = "ws", long errors = 0, double[]? agesMs = null, long gapTicks = 0, bool deliverAll = true)
    {
        var latency = new LatencyRecorder();
        foreach (double ms in agesMs ?? [1, 2, 3, 4, 100]) latency.Record((long)(ms * 1000));
        var tickAge = latency.Total();
        long ticks = tickAge.Count;
        long expected = deliverAll ? ticks : ticks * 2;
        return new ScenarioStats
        {
            Name = name,
            Transport = "WebSocket, MessagePack",
            PeakClients = 10,
            DurationSeconds = 10,
            SessionsOk = 10,
            Errors = errors,
            ErrorsByKind = errors > 0 ? new Dictionary<string, long> { ["closed: 1008"] = errors } : new Dictionary<string, long>(),
            Ticks = ticks,
            Frames = ticks,
            BytesReceived = ticks * 40,
            BytesSent = 100,
            Requests = 10,
            ConnectionsOpened = 10,
            TickAge = tickAge,
            ConnectTime = LatencyStats.Empty,
            NegativeAges = 0,
            Delivery = new DeliveryStats(expected, ticks, gapTicks, gapTicks > 0 ? 1 : 0, 0, 0, 0, 0, expected, 0),
            Resources = new ResourceUsage(0.5, 90, 120, 110, 0.2, 0.4, "/proc/1", 0.1),
            Timeline = [new TimelinePoint(1, 10, ticks, ticks * 40, 2, 4, 100, errors, 0.5, 120, 0.2)],
        };
    }
}
