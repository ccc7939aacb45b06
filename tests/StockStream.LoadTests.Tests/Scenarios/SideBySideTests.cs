using StockStream.LoadTests.Cli;
using StockStream.LoadTests.Metrics;
using StockStream.LoadTests.Scenarios;

namespace StockStream.LoadTests.Tests.Scenarios;

public class SideBySideTests
{
    [Fact]
    public void RanksByP99OnAQuietMachine()
    {
        var findings = SideBySide.Findings([Busy("ws", 0.05, [1, 2, 3]), Busy("sse", 0.1, [1, 2, 30])]);

        Assert.Contains(findings, f => f.Key == "lowest tick age p99" && f.Value.StartsWith("ws: ", StringComparison.Ordinal));
        Assert.Empty(LoadTestApp.ScenarioWarnings([Busy("ws", 0.05, [1, 2, 3])]));
    }

    [Fact]
    public void SaysARankingOnABusyMachineIsNotFairAndWarns()
    {
        var ws = Busy("ws", 1.68, [1, 2, 3]);
        var sse = Busy("sse", 0.2, [1, 2, 30]);

        var findings = SideBySide.Findings([ws, sse]);
        var warnings = LoadTestApp.ScenarioWarnings([ws, sse]).ToList();

        var p99 = Assert.Single(findings, f => f.Key.StartsWith("lowest tick age p99", StringComparison.Ordinal));
        Assert.Equal("lowest tick age p99 (not a fair ranking: the machine was busy)", p99.Key);
        Assert.Contains("other processes used 0.20–1.68 cores during the runs", p99.Value);
        var warning = Assert.Single(warnings);
        Assert.StartsWith($"ws: other processes used 1.68 of the machine's {Environment.ProcessorCount} cores on average: the machine was busy", warning);
    }

    private static ScenarioStats Busy(string name, double otherCores, double[] agesMs) => SampleStats.Create(name, agesMs: agesMs) with
    {
        Resources = new ResourceUsage(0.5, 90, 120, 110, 0.2, 0.4, "/proc/1", otherCores),
    };
}
