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

    [Fact]
    public void SeveralRoundsAreJudgedByTheMedianOfTheirRatios()
    {
        var oneSlowRound = AbuseVerdict.Judge(Rounds(1.1, 1.5, 1.15), serverAlive: true);
        var p50 = oneSlowRound.Single(r => r.Threshold.Name.StartsWith("tick age p50", StringComparison.Ordinal));
        Assert.True(p50.Passed, $"{p50.Threshold.Describe()}: {p50.ActualText}");
        Assert.InRange(p50.Actual, 1.14, 1.16);
        Assert.Contains("median of 3 rounds (1.10 · 1.50 · 1.15)", p50.Threshold.Name, StringComparison.Ordinal);

        var twoSlowRounds = AbuseVerdict.Judge(Rounds(1.3, 1.5, 1.1), serverAlive: true);
        Assert.False(twoSlowRounds.Single(r => r.Threshold.Name.StartsWith("tick age p50", StringComparison.Ordinal)).Passed);
    }

    [Fact]
    public void ARoundWithoutTicksFailsTheRun()
    {
        var rounds = Rounds(1.0, 1.0, 1.0);
        rounds[1] = [Bystander(QuietAges, [])];

        var results = AbuseVerdict.Judge(rounds, serverAlive: true);

        Assert.All(results.Where(r => r.Threshold.Name.StartsWith("tick age", StringComparison.Ordinal)), r => Assert.False(r.Passed));
    }

    [Fact]
    public void MemoryIsJudgedAtTheHighestAbusedPeakOfAnyRound()
    {
        var rounds = Rounds(1.0, 1.0, 1.0);
        var second = rounds[1][0];
        rounds[1] = [second with { Abused = second.Abused with { Resources = second.Abused.Resources with { ServerRssPeakMb = 120 + AbuseVerdict.MaxRssGrowthMb + 1 } } }];

        var memory = AbuseVerdict.Judge(rounds, serverAlive: true).Single(r => r.Threshold.Name.StartsWith("server RSS", StringComparison.Ordinal));

        Assert.False(memory.Passed);
    }

    [Fact]
    public void FindingsOfSeveralRoundsNameEachRoundAndGiveTheMedianAndRange()
    {
        var findings = AbuseVerdict.Findings(Rounds(2, 1, 1.5)).ToDictionary(f => f.Key, f => f.Value);

        Assert.Equal("2.00 / 4.00 ms (2.00×)", findings["WebSocket, MessagePack: tick age p50 quiet / abuse (ratio), round 1"]);
        Assert.Equal("2.00 / 2.00 ms (1.00×)", findings["WebSocket, MessagePack: tick age p50 quiet / abuse (ratio), round 2"]);
        Assert.Equal("1.50× (1.00–2.00) / 1.50× (1.00–2.00)", findings["WebSocket, MessagePack: tick age ratio p50 / p99, median (range) of 3 rounds"]);
        Assert.Contains("server RSS under abuse: start / peak / end, MiB, round 3", findings.Keys);
    }

    /// <summary>One WebSocket bystander per round, its ticks that many times older under abuse.</summary>
    private static List<IReadOnlyList<AbuseVerdict.Bystander>> Rounds(params double[] ratios) =>
        [.. ratios.Select(ratio => (IReadOnlyList<AbuseVerdict.Bystander>)[Bystander(QuietAges, [.. QuietAges.Select(a => a * ratio)])])];

    private static AbuseVerdict.Bystander Bystander(double[] quietAges, double[] abusedAges, string transport = "ws")
    {
        ScenarioStats quiet = SampleStats.Create($"quiet-{transport}", agesMs: quietAges), abused = SampleStats.Create($"abuse-{transport}", agesMs: abusedAges);
        if (abusedAges.Length == 0) abused = abused with { Ticks = 0, TickAge = LatencyStats.Empty };
        return new AbuseVerdict.Bystander(quiet, abused);
    }
}
