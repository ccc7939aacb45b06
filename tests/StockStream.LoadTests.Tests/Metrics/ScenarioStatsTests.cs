using StockStream.LoadTests.Metrics;
using StockStream.LoadTests.Reports;

namespace StockStream.LoadTests.Tests.Metrics;

public class ScenarioStatsTests
{
    [Fact]
    public void WireBytesPerTickCountsBothDirections()
    {
        var s = SampleStats.Create() with { Ticks = 1_000, BytesReceived = 30_000, BytesSent = 5_000 };

        Assert.Equal(30.0, s.BytesPerTick);
        Assert.Equal(35.0, s.WireBytesPerTick);
        Assert.Equal("35.0", ResultColumns.Column("wire bytes/tick both ways").Display(s));
    }

    [Fact]
    public void ServerCostIsPerTickDeliveredAndPerClient()
    {
        // 0.5 cores for 10 s over 1,000,000 ticks; RSS 90 -> 120 MiB over 10 clients.
        var s = SampleStats.Create() with { Ticks = 1_000_000 };

        Assert.Equal(5.0, s.ServerMicrosPerTick!.Value, 9);
        Assert.Equal(30 * 1024 / 10.0, s.ServerKibPerClient!.Value, 9);
    }

    [Fact]
    public void ServerCostIsUnknownWithoutTheServersResources()
    {
        var s = SampleStats.Create() with { Resources = new ResourceUsage(null, null, null, null, 0.2, 0.4, "client only") };

        Assert.Null(s.ServerMicrosPerTick);
        Assert.Null(s.ServerKibPerClient);
        Assert.Equal("n/a", ResultColumns.Column("server cpu µs/tick").Display(s));
    }
}
