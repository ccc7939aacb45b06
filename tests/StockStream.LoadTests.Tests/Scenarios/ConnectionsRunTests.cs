using StockStream.LoadTests.Metrics;
using StockStream.LoadTests.Scenarios;

namespace StockStream.LoadTests.Tests.Scenarios;

public class ConnectionsRunTests
{
    private static TimelinePoint Point(double seconds, long clients, double? rssMb) =>
        new(seconds, clients, 0, 0, 0, 0, 0, 0, null, rssMb, 0);

    [Fact]
    public void MemoryPerConnectionIsTheGrowthFromTheBaselinesLastSampleToTheHighestWhileAllAreHeld()
    {
        // 200 held until 6 s (RSS settling from 120 to 125 MiB), then a ramp to 5,200 held at 202–203.125 MiB, then
        // their teardown at 208 MiB, which is not what holding them costs.
        var timeline = new[]
        {
            Point(1, 200, 120), Point(3, 200, 124), Point(6, 200, 125), Point(7, 450, 129), Point(12, 5_200, 202),
            Point(13, 5_200, 203.125), Point(14, 5_200, 203), Point(15, 0, 208),
        };

        var growth = ConnectionsRun.GrowthFrom(timeline, TimeSpan.FromSeconds(6), peakClients: 5_200);

        Assert.Equal((125.0, 200L, 203.125, 16.0), growth);
    }

    [Fact]
    public void NoFigureWithoutTheServersMemoryOrWithoutGrowthInConnections()
    {
        var timeline = new[] { Point(1, 200, null), Point(6, 200, null), Point(12, 5_200, null) };
        Assert.Null(ConnectionsRun.GrowthFrom(timeline, TimeSpan.FromSeconds(6), peakClients: 5_200));

        var held = new[] { Point(1, 200, 120), Point(6, 200, 125), Point(8, 200, 126) };
        Assert.Null(ConnectionsRun.GrowthFrom(held, TimeSpan.FromSeconds(6), peakClients: 200));
        // The peak was never sampled while held (the run ended first).
        Assert.Null(ConnectionsRun.GrowthFrom(held, TimeSpan.FromSeconds(6), peakClients: 5_200));
    }
}
