using StockStream.LoadTests.Metrics;
using StockStream.LoadTests.Scenarios.Abuse;

namespace StockStream.LoadTests.Tests.Scenarios;

public class AbuseVerdictTests
{
    private static readonly double[] QuietAges = [1, 1, 1, 2, 2, 2, 2, 3, 3, 4];

    [Fact]
    public void PassesBystandersWithinTheRatioOfTheirQuietTickAge()
    {
        var results = AbuseVerdict.Judge([Bystander(QuietAges, [.. QuietAges.Select(a => a * 1.1)])], serverAlive: true);

        Assert.All(results, r => Assert.True(r.Passed, $"{r.Threshold.Describe()}: {r.ActualText}"));
        Assert.Equal(1.1, results[0].Actual, precision: 1);
    }

    [Fact]
    public void FailsABystanderWhoseP50OrP99GrewPastTheRatio()
    {
        var slowerMedian = AbuseVerdict.Judge([Bystander(QuietAges, [.. QuietAges.Select(a => a * 1.5)])], serverAlive: true);
        Assert.False(slowerMedian.Single(r => r.Threshold.Name.StartsWith("tick age p50", StringComparison.Ordinal)).Passed);

        double[] slowerTail = [.. QuietAges[..^1], 40];
        var tail = AbuseVerdict.Judge([Bystander(QuietAges, slowerTail)], serverAlive: true);
        Assert.True(tail.Single(r => r.Threshold.Name.StartsWith("tick age p50", StringComparison.Ordinal)).Passed);
        Assert.False(tail.Single(r => r.Threshold.Name.StartsWith("tick age p99", StringComparison.Ordinal)).Passed);
    }

    [Fact]
    public void FailsEveryTransportOnItsOwnBaseline()
    {
        var ws = Bystander(QuietAges, QuietAges);
        var sse = Bystander([.. QuietAges.Select(a => a * 10)], [.. QuietAges.Select(a => a * 13)], "sse");

        var failed = AbuseVerdict.Judge([ws, sse], serverAlive: true).Where(r => !r.Passed).ToList();

        Assert.NotEmpty(failed);
        Assert.All(failed, r => Assert.Equal(sse.Abused.Name, r.Scenario));
    }

    [Fact]
    public void FailsWhenTheServerDiedOrABystanderReceivedNothing()
    {
        var dead = AbuseVerdict.Judge([Bystander(QuietAges, QuietAges)], serverAlive: false);
        Assert.False(dead.Single(r => r.Threshold.Name.StartsWith("server alive", StringComparison.Ordinal)).Passed);

        var starved = AbuseVerdict.Judge([Bystander(QuietAges, [])], serverAlive: true);
        Assert.All(starved.Where(r => r.Threshold.Name.StartsWith("tick age", StringComparison.Ordinal)), r => Assert.False(r.Passed));
    }

    [Fact]
    public void FailsServerMemoryThatGrewPastItsBound()
    {
        var bystander = Bystander(QuietAges, QuietAges);
        var grown = bystander with { Abused = bystander.Abused with { Resources = bystander.Abused.Resources with { ServerRssPeakMb = 120 + AbuseVerdict.MaxRssGrowthMb + 1 } } };

        var memory = AbuseVerdict.Judge([grown], serverAlive: true).Single(r => r.Threshold.Name.StartsWith("server RSS", StringComparison.Ordinal));

        Assert.False(memory.Passed);
        Assert.Equal(AbuseVerdict.MaxRssGrowthMb + 1, memory.Actual, precision: 6);
    }

    [Fact]
    public void FindingsSetQuietBesideAbusedWithTheRatio()
    {
        var findings = AbuseVerdict.Findings([Bystander(QuietAges, [.. QuietAges.Select(a => a * 2)])]).ToDictionary(f => f.Key, f => f.Value);

        Assert.Equal("2.00 / 4.00 ms (2.00×)", findings["WebSocket, MessagePack: tick age p50 quiet / abuse (ratio)"]);
        Assert.Contains("server RSS under abuse: start / peak / end, MiB", findings.Keys);
    }

    private static AbuseVerdict.Bystander Bystander(double[] quietAges, double[] abusedAges, string transport = "ws")
    {
        ScenarioStats quiet = SampleStats.Create($"quiet-{transport}", agesMs: quietAges), abused = SampleStats.Create($"abuse-{transport}", agesMs: abusedAges);
        if (abusedAges.Length == 0) abused = abused with { Ticks = 0, TickAge = LatencyStats.Empty };
        return new AbuseVerdict.Bystander(quiet, abused);
    }
}
