using StockStream.LoadTests.Cli;
using StockStream.LoadTests.Tests.Transports;

namespace StockStream.LoadTests.Tests.Cli;

/// <summary>The whole tool, from command line to reports, against a small server speaking the protocol.</summary>
public sealed class LoadTestAppTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly string _reports = Path.Combine(Path.GetTempPath(), $"load-test-app-{Guid.NewGuid():N}");
    private readonly StringWriter _output = new();

    [Fact]
    public async Task SmokeCompareRunsEveryTransportAndWritesTheReports()
    {
        await using var server = await FakeStreamServer.StartAsync();
        server.ConflateSomeTicks = false;

        int exitCode = await RunAsync($"compare --url {server.BaseAddress} --clients 3 --symbols 1 --duration 1s --warm-up 0s --smoke --plain");

        Assert.True(exitCode == LoadTestApp.Passed, _output.ToString());
        var markdown = await File.ReadAllTextAsync(Directory.GetFiles(_reports, "report.md", SearchOption.AllDirectories).Single());
        foreach (var scenario in new[] { "ws", "ws-json", "sse", "long-poll" })
            Assert.Contains($"| {scenario} | errors ≤ 0 | 0 | pass |", markdown);
        Assert.Single(Directory.GetFiles(_reports, "report.html", SearchOption.AllDirectories));
        Assert.Single(Directory.GetFiles(_reports, "report.csv", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task SkipsTransportsTheServerLacksAndSaysWhich()
    {
        await using var server = await FakeStreamServer.StartAsync(longPolling: false, sse: false);
        server.ConflateSomeTicks = false;

        int exitCode = await RunAsync($"compare --url {server.BaseAddress} --clients 2 --symbols 1 --duration 1s --warm-up 0s --smoke --plain");

        Assert.True(exitCode == LoadTestApp.Passed, _output.ToString());
        Assert.Contains("Skipped sse: the server does not offer it (GET /api/sse?symbols=AAPL answered 404).", _output.ToString());
        Assert.Contains("Skipped long-poll", _output.ToString());
        Assert.DoesNotContain("| long-poll |", _output.ToString());
    }

    [Fact]
    public async Task FailsTheRunWhenTheServerCutsSessionsOff()
    {
        await using var server = await FakeStreamServer.StartAsync(longPolling: false, sse: false);
        server.CloseAfterTicks = 3; // every session is cut off: errors

        int exitCode = await RunAsync($"compare --url {server.BaseAddress} --transports ws --clients 2 --symbols 1 --duration 1s --warm-up 0s --smoke --plain");

        Assert.Equal(LoadTestApp.ThresholdFailed, exitCode);
        Assert.Contains("| ws | errors ≤ 0 |", _output.ToString());
        Assert.Contains("RESULT: FAILED (thresholds: ", _output.ToString());
    }

    [Fact]
    public async Task SpreadsClientsOverEveryNodeItIsGiven()
    {
        await using var first = await FakeStreamServer.StartAsync();
        await using var second = await FakeStreamServer.StartAsync();
        first.ConflateSomeTicks = second.ConflateSomeTicks = false;

        int exitCode = await RunAsync($"long-poll --url {first.BaseAddress},{second.BaseAddress} --clients 4 --symbols 1 --duration 1s --warm-up 0s --max-errors 0 --plain");

        Assert.True(exitCode == LoadTestApp.Passed, _output.ToString());
        Assert.True(first.Polls > 0 && second.Polls > 0, $"polls: {first.Polls} and {second.Polls}");
        Assert.Contains($"| server | {first.BaseAddress}, {second.BaseAddress} |", await File.ReadAllTextAsync(Directory.GetFiles(_reports, "report.md", SearchOption.AllDirectories).Single()));
    }

    [Fact]
    public async Task ScaleOutRefusesRunningNodes()
    {
        int exitCode = await RunAsync("scale-out --url http://127.0.0.1:1/ --clients 1 --duration 1s --plain");

        Assert.Equal(LoadTestApp.CouldNotRun, exitCode);
        Assert.Contains("Could not start the run: scale-out starts its own nodes and Redis", _output.ToString());
    }

    [Fact]
    public async Task CannotRunWithoutAServerToReach()
    {
        int exitCode = await RunAsync("ws --url http://127.0.0.1:1/ --clients 1 --duration 1s --plain");

        Assert.Equal(LoadTestApp.CouldNotRun, exitCode);
        Assert.Contains("Could not start the run", _output.ToString());
    }

    private async Task<int> RunAsync(string commandLine)
    {
        var args = $"{commandLine} --report-dir {_reports}".Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return await LoadTestCommand.RunAsync(args, _output, _output).WaitAsync(Timeout);
    }

    public void Dispose()
    {
        if (Directory.Exists(_reports)) Directory.Delete(_reports, recursive: true);
    }
}
