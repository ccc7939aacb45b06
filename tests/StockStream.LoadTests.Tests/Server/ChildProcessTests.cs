using System.Diagnostics;
using StockStream.Testing;

namespace StockStream.LoadTests.Tests.Server;

/// <summary>The processes the tool starts (Redis, nodes, HAProxy), as real processes.</summary>
public sealed class ChildProcessTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly string _folder = Directory.CreateTempSubdirectory("child-process-").FullName;

    [Fact]
    public async Task LogsEveryLineOfAProcessThatExitsRightAfterWritingThem()
    {
        // Lines still being delivered when the process exits must reach the log, not a closed writer (which crashed the
        // tool when a node said goodbye on Ctrl+C). Several rounds, as the lines in flight at the exit vary.
        const int Lines = 200_000;
        for (int round = 0; round < 4; round++)
        {
            var log = Path.Combine(_folder, $"child-{round}.log");
            var start = new ProcessStartInfo("sh", ["-c", $"seq 1 {Lines}; seq 1 {Lines} >&2"]);

            var failed = await Assert.ThrowsAsync<InvalidOperationException>(
                () => ChildProcess.StartAsync(start, log, "seq", _ => Task.FromResult(false), Timeout, CancellationToken.None).WaitAsync(Timeout));

            Assert.Equal("seq exited with code 0 while starting.", failed.Message);
            var lines = await File.ReadAllLinesAsync(log);
            Assert.Equal(2 * Lines, lines.Length);
            Assert.Equal(2 * Enumerable.Range(1, Lines).Sum(i => (long)i), lines.Sum(long.Parse));
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
