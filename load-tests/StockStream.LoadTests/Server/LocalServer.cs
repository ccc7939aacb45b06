using System.Diagnostics;
using StockStream.Testing;

namespace StockStream.LoadTests.Server;

/// <summary>
/// The StockStream server started as a child process on a free loopback port, built first when its build is missing
/// or older than its sources; stopped (with its process tree) on dispose.
/// </summary>
public sealed class LocalServer : IAsyncDisposable
{
    private const string ServerProject = "backend/StockStream.Server";
    private const string ServerDll = "backend/StockStream.Server/bin/Release/net10.0/StockStream.Server.dll";

    private readonly ServerProcess _process;

    private LocalServer(ServerProcess process) => _process = process;

    public Uri BaseAddress => _process.BaseAddress;

    public int ProcessId => _process.ProcessId;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Kills the node at once (SIGKILL), as a crash would: no close frames, no lease released.</summary>
    public void Kill() => _process.Kill();

    /// <param name="port">The port to listen on; null for a free one.</param>
    public static async Task<LocalServer> StartAsync(string repositoryRoot, ServerSettings settings, string logPath, TimeSpan startTimeout, CancellationToken cancellationToken,
        int? port = null)
    {
        await BuildIfStaleAsync(repositoryRoot, cancellationToken);
        var baseAddress = port is { } p ? new Uri($"http://127.0.0.1:{p}/") : ServerProcess.FreeAddress();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = repositoryRoot };
        start.ArgumentList.Add(Path.Combine(repositoryRoot, ServerDll));
        foreach (var argument in settings.ToArguments(baseAddress)) start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var variable in settings.EnvironmentVariables)
        {
            int equals = variable.IndexOf('=', StringComparison.Ordinal);
            start.Environment[variable[..equals]] = variable[(equals + 1)..];
        }
        return new LocalServer(await ServerProcess.StartAsync(start, baseAddress, logPath, startTimeout, cancellationToken));
    }

    private static async Task BuildIfStaleAsync(string root, CancellationToken cancellationToken)
    {
        var dll = new FileInfo(Path.Combine(root, ServerDll));
        var newestSource = Directory.EnumerateFiles(Path.Combine(root, "backend"), "*.*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Max(File.GetLastWriteTimeUtc);
        if (dll.Exists && dll.LastWriteTimeUtc >= newestSource) return;

        Console.WriteLine($"Building the server ({(dll.Exists ? "sources changed" : "no build yet")})...");
        var build = new ProcessStartInfo("dotnet", ["build", ServerProject, "-c", "Release", "-v", "quiet", "-nologo"]) { WorkingDirectory = root };
        using var process = Process.Start(build) ?? throw new InvalidOperationException("dotnet build did not start.");
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0) throw new InvalidOperationException($"Building the server failed (exit code {process.ExitCode}).");
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
