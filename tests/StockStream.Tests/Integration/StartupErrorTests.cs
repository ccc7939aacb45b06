using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StockStream.Testing;

namespace StockStream.Tests.Integration;

/// <summary>A server that cannot start says why in one line and exits non-zero, with no stack trace.</summary>
public class StartupErrorTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task APortInUseIsNamedInOneLineWithHowToPickAnother()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        int port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (exitCode, output) = await RunServerAsync($"--urls=http://127.0.0.1:{port}");

        Assert.NotEqual(0, exitCode);
        string line = Assert.Single(ErrorLines(output));
        Assert.Contains($"http://127.0.0.1:{port}", line);
        Assert.Contains("already in use", line);
        Assert.Contains("npm start -- --urls=http://localhost:5001", line);
        Assert.DoesNotContain("generates the market", output);
        AssertNoStackTrace(output);
    }

    [Fact]
    public async Task ABadSettingIsNamedOnceInOneLine()
    {
        var (exitCode, output) = await RunServerAsync($"--urls=http://127.0.0.1:{LoopbackPort.Free()}", "--Market:TicksPerSecond=-1");

        Assert.NotEqual(0, exitCode);
        string line = Assert.Single(ErrorLines(output));
        Assert.Contains("TicksPerSecond", line);
        Assert.Single(output.Split('\n'), l => l.Contains("TicksPerSecond", StringComparison.Ordinal));
        AssertNoStackTrace(output);
    }

    [Fact]
    public async Task ACompressionWindowOutsideNineToFifteenStopsTheServerAtStart()
    {
        var (exitCode, output) = await RunServerAsync($"--urls=http://127.0.0.1:{LoopbackPort.Free()}", "--WebSocket:Compression:MaxWindowBits=16");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("MaxWindowBits", Assert.Single(ErrorLines(output)));
        AssertNoStackTrace(output);
    }

    private static async Task<(int ExitCode, string Output)> RunServerAsync(params string[] arguments)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "StockStream.Server.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--Frontend:RootPath=does-not-exist", "--Backplane:Kind=InProcess", .. arguments])
        {
            WorkingDirectory = AppContext.BaseDirectory,
        };
        await using var process = ChildProcess.Start(start);
        int exitCode = await process.WaitForExitAsync(ExitTimeout);
        return (exitCode, process.Output);
    }

    private static string[] ErrorLines(string output) =>
        [.. output.Split('\n').Where(line => line.StartsWith("error:", StringComparison.Ordinal) || line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))];

    private static void AssertNoStackTrace(string output)
    {
        Assert.DoesNotContain("   at ", output);
        Assert.DoesNotContain("Exception", output);
    }
}
