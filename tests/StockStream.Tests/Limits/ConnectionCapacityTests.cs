using StockStream.Server.Transports.Limits;

namespace StockStream.Tests.Limits;

public class ConnectionCapacityTests
{
    [Fact]
    public void ReadsTheSoftOpenFileLimit()
    {
        string[] limits =
        [
            "Limit                     Soft Limit           Hard Limit           Units",
            "Max processes             95661                95661                processes",
            "Max open files            1500                 4096                 files",
        ];
        Assert.Equal(1500, DescriptorLimit.Parse(limits));
        Assert.Null(DescriptorLimit.Parse(["Max open files            unlimited            unlimited            files"]));
    }

    [Fact]
    public void KeepsEveryConnectionBelowTheOpenFileLimitWithAReserve()
    {
        var warnings = new List<string>();
        var capacity = ConnectionCapacity.Compute(1_500, new ConnectionLimitsOptions(), new ConnectionRequests(), warnings);

        Assert.Equal(256 + 150, capacity.Reserve);
        Assert.Equal(1_500 - 406, capacity.TotalConnections);
        Assert.True(capacity.Streams < capacity.TotalConnections, "no room left for short requests and refusals");
        Assert.Equal(capacity.Streams, capacity.WebSockets);
        Assert.Empty(warnings);
    }

    [Fact]
    public void WarnsAndCapsWhenConfigurationAsksForMoreThanTheMachineAllows()
    {
        var warnings = new List<string>();
        var requests = new ConnectionRequests();
        requests.ByKind[ConnectionKind.WebSocket] = ("WebSocket:MaxConnections", 50_000);
        requests.ByKind[ConnectionKind.SseStream] = ("Sse:MaxConnections", 10);
        var capacity = ConnectionCapacity.Compute(1_500, new ConnectionLimitsOptions(), requests, warnings);

        Assert.Equal(capacity.Streams, capacity.WebSockets);
        Assert.Equal(10, capacity.SseStreams);
        Assert.Contains(warnings, w => w.Contains("WebSocket:MaxConnections asks for 50,000", StringComparison.Ordinal));
        Assert.Single(warnings);
    }

    [Fact]
    public void TakesTheConfigurationAsIsWhereTheLimitIsUnknown()
    {
        var requests = new ConnectionRequests();
        requests.ByKind[ConnectionKind.WebSocket] = ("WebSocket:MaxConnections", 70_000);
        var capacity = ConnectionCapacity.Compute(null, new ConnectionLimitsOptions(), requests, []);

        Assert.Null(capacity.TotalConnections);
        Assert.Equal(70_000, capacity.WebSockets);
        Assert.Equal(ConnectionCapacity.DefaultPerTransport, capacity.SseStreams);
    }
}
