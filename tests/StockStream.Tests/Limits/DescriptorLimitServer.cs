using StockStream.Tests.Infrastructure;

namespace StockStream.Tests.Limits;

/// <summary>The server in a process of its own whose open-file limit is set by <c>prlimit</c>, as a small machine would.</summary>
public sealed class DescriptorLimitServer : IServerEndpoint, IAsyncDisposable
{
    private readonly ChildProcess _process;

    private DescriptorLimitServer(ChildProcess process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public bool HasExited => _process.HasExited;

    public string Output => _process.Output;

    /// <summary>Resident memory of the server process, in bytes (Linux).</summary>
    public long ResidentBytes()
    {
        string line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>Open descriptors of the server process.</summary>
    public int OpenDescriptors() => Directory.GetFiles($"/proc/{_process.Id}/fd").Length;

    public static async Task<DescriptorLimitServer> StartAsync(int openFiles, IReadOnlyDictionary<string, string>? settings = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        int port = FreePort.Next();
        var merged = new Dictionary<string, string>
        {
            ["urls"] = $"http://127.0.0.1:{port}",
            ["Market:Symbols"] = "20",
            ["Market:TicksPerSecond"] = "500",
            ["Frontend:RootPath"] = "does-not-exist",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
            // The flood comes from loopback, like every test client: what is measured is the machine limit.
            ["ClientLimits:ExemptLoopback"] = "true",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) merged[key] = value;
        string dll = Path.Combine(AppContext.BaseDirectory, "StockStream.Server.dll");
        // prlimit is part of util-linux, on every Debian; without it this test must fail, not skip.
        var process = ChildProcess.Start("prlimit", [$"--nofile={openFiles}:{openFiles}", "dotnet", dll, .. merged.Select(p => $"--{p.Key}={p.Value}")],
            AppContext.BaseDirectory, environment);
        var server = new DescriptorLimitServer(process, new Uri($"http://127.0.0.1:{port}"));
        await process.WaitForLineAsync("Now listening on", TimeSpan.FromSeconds(60));
        return server;
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
