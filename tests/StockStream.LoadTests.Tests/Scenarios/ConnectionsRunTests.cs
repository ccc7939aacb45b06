using StockStream.LoadTests.Metrics;
using StockStream.LoadTests.Scenarios;

namespace StockStream.LoadTests.Tests.Scenarios;

public class ConnectionsRunTests
{
    private static TimelinePoint Point(double seconds, long clients, double? rssMb) =>
        new(seconds, clients, 0, 0, 0, 0, 0, 0, null, rssMb, 0);

    [Fact]
    public void MemoryPerConnectionIsTheGrowthFromTheBaselinesLastSampleToThePeak()
    {
        // 200 held until 6 s (RSS settling from 120 to 125 MiB), then a ramp to 5,200 that ends at 203.125 MiB.
        var timeline = new[] { Point(1, 200, 120), Point(3, 200, 124), Point(6, 200, 125), Point(7, 450, 129), Point(12, 5_200, 203) };

        var growth = ConnectionsRun.GrowthFrom(timeline, TimeSpan.FromSeconds(6), peakRssMb: 203.125, peakClients: 5_200);

        Assert.Equal((125.0, 200L, 16.0), growth);
    }

    [Fact]
    public void NoFigureWithoutTheServersMemoryOrWithoutGrowthInConnections()
    {
        var timeline = new[] { Point(1, 200, null), Point(6, 200, null) };
        Assert.Null(ConnectionsRun.GrowthFrom(timeline, TimeSpan.FromSeconds(6), peakRssMb: 200, peakClients: 5_200));

        var held = new[] { Point(1, 200, 120), Point(6, 200, 125) };
        Assert.Null(ConnectionsRun.GrowthFrom(held, TimeSpan.FromSeconds(6), peakRssMb: 126, peakClients: 200));
        Assert.Null(ConnectionsRun.GrowthFrom(held, TimeSpan.FromSeconds(6), peakRssMb: null, peakClients: 5_200));
    }
}
