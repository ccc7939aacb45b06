using StockStream.LoadTests.Scenarios;
using StockStream.LoadTests.Transports;

namespace StockStream.LoadTests.Tests.Scenarios;

/// <summary>The grid's findings: what each pair of transports at a point is reported as.</summary>
public class GridRatiosTests
{
    private static readonly TransportKind[] Transports = [TransportKind.WebSocket, TransportKind.SignalR];

    private static IReadOnlyDictionary<string, string> Findings(double wsCores, double hubCores, double[] hubAgesMs)
    {
        var ws = SampleStats.Create("100x10@200 ws", agesMs: [1, 2, 3, 4, 100]);
        var hub = SampleStats.Create("100x10@200 signalr", agesMs: hubAgesMs);
        return GridRun.Ratios(
            [ws with { Resources = ws.Resources with { ServerCores = wsCores } }, hub with { Resources = hub.Resources with { ServerCores = hubCores } }],
            Transports).ToDictionary();
    }

    [Fact]
    public void ServerCoresThatDifferInTheThirdPlaceAreReportedApart()
    {
        var findings = Findings(1.107, 1.108, [1, 2, 3]);
        Assert.StartsWith("1.107 vs 1.108 (0.999×);", findings["100 × 10 @ 200: ws vs signalr, server cores; delivered"]);
    }

    [Fact]
    public void ATransportWithNoTicksInTimeHasNoAgesRatherThanAgesOfZero()
    {
        var findings = Findings(1.0, 1.0, []);
        var ages = findings["100 × 10 @ 200: ws vs signalr, p50 / p99 ms"];
        Assert.Contains("vs none in time (n/a / n/a)", ages);
        Assert.DoesNotContain("0.0 / 0.0", ages);
    }
}
