using StockStream.LoadTests.Scenarios.Abuse;
using StockStream.LoadTests.Tests.Transports;
using StockStream.Protocol;

namespace StockStream.LoadTests.Tests.Scenarios;

/// <summary>The attackers run in a process of their own, under <c>nice</c>, from the moment they are told, and report what they saw.</summary>
public sealed class AttackerProcessTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"attackers-{Guid.NewGuid():N}");

    [Fact]
    public void StartsTheLoadToolsOwnAttackersCommandUnderNiceUnlessNiceIsZero()
    {
        var niced = AttackerProcess.StartInfo("/tmp/job.json", 10);
        Assert.Equal("nice", niced.FileName);
        Assert.Equal(["-n", "10", "dotnet", typeof(AttackerProcess).Assembly.Location, "attackers", "--job", "/tmp/job.json"], niced.ArgumentList);

        var plain = AttackerProcess.StartInfo("/tmp/job.json", 0);
        Assert.Equal("dotnet", plain.FileName);
        Assert.Equal([typeof(AttackerProcess).Assembly.Location, "attackers", "--job", "/tmp/job.json"], plain.ArgumentList);
    }

    [Fact]
    public async Task RunsTheNamedAttacksFromTheStartTimeAndReportsEachOne()
    {
        await using var server = await FakeStreamServer.StartAsync();
        var job = AttackerProcess.Job(_folder, "abuse", server.BaseAddress, [FakeMarket.Symbol], ["handshake-flood"], TimeSpan.FromSeconds(2), 0);

        await using var attackers = await AttackerProcess.StartAsync(job, nice: 10, _folder, CancellationToken.None).WaitAsync(Timeout);
        long start = await attackers.GoAsync(TimeSpan.FromMilliseconds(200), CancellationToken.None);
        var report = await attackers.ReportAsync(Timeout);

        var attack = Assert.Single(report.Attacks);
        Assert.Equal("abuse-handshake-flood", attack.Name);
        Assert.True(attack.SessionsOk > 0, $"{attack.SessionsOk} sessions, errors: {string.Join(", ", attack.ErrorsByKind)}");
        Assert.True(attack.ConnectionsOpened > 0);
        Assert.True(report.Cores > 0);
        Assert.True(UnixTime.NowMicroseconds() >= start + 2_000_000, "the attacks lasted their time from the start");
        Assert.Empty(report.ForgedCursorsByStatus);
        Assert.True(File.Exists(Path.Combine(_folder, "abuse-attackers.log")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
