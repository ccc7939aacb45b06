using System.Diagnostics;
using StockStream.Testing;
using StockStream.Tests.Infrastructure;

namespace StockStream.Tests.Limits;

/// <summary>The server in a process of its own whose open-file limit is set by <c>prlimit</c>, as a small machine would.</summary>
public sealed class DescriptorLimitServer : IServerEndpoint, IAsyncDisposable
{
    private readonly ServerProcess _process;

    private DescriptorLimitServer(ServerProcess process) => _process = process;

    public Uri BaseAddress => _process.BaseAddress;

    public bool HasExited => _process.HasExited;

    public string Output => _process.Output;

    /// <summary>Resident memory of the server process, in bytes (Linux).</summary>
    public long ResidentBytes()
    {
        string line = File.ReadLines($"/proc/{_process.ProcessId}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>Open descriptors of the server process.</summary>
    public int OpenDescriptors() => Directory.GetFiles($"/proc/{_process.ProcessId}/fd").Length;

    public static async Task<DescriptorLimitServer> StartAsync(int openFiles, IReadOnlyDictionary<string, string>? settings = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var baseAddress = ServerProcess.FreeAddress();
        var merged = ServerTestSettings.With(new Dictionary<string, string?>
        {
            ["Market:TicksPerSecond"] = "500",
            // The flood comes from loopback, like every test client: what is measured is the machine limit.
            ["ClientLimits:ExemptLoopback"] = "true",
        });
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) merged[key] = value;
        string dll = Path.Combine(AppContext.BaseDirectory, "StockStream.Server.dll");
        // prlimit is part of util-linux, on every Debian; without it this test must fail, not skip.
        var start = new ProcessStartInfo("prlimit", [$"--nofile={openFiles}:{openFiles}", "dotnet", dll, .. ServerProcess.Arguments(baseAddress, merged)])
        {
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        return new DescriptorLimitServer(await ServerProcess.StartAsync(start, baseAddress, logPath: null, TimeSpan.FromSeconds(60)));
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
