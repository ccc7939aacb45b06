using System.Diagnostics;
using System.Net;

namespace StockStream.LoadTests.Server;

/// <summary>
/// The StockStream server started as a child process on a free loopback port, built first when its build is missing
/// or older than its sources; stopped (with its process tree) on dispose.
/// </summary>
public sealed class LocalServer : IAsyncDisposable
{
    private const string ServerProject = "backend/StockStream.Server";
    private const string ServerDll = "backend/StockStream.Server/bin/Release/net10.0/StockStream.Server.dll";

    private readonly ChildProcess _process;

    private LocalServer(ChildProcess process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Kills the node at once (SIGKILL), as a crash would: no close frames, no lease released.</summary>
    public void Kill() => _process.Kill();

    /// <param name="port">The port to listen on; null for a free one.</param>
    public static async Task<LocalServer> StartAsync(string repositoryRoot, ServerSettings settings, string logPath, TimeSpan startTimeout, CancellationToken cancellationToken,
        int? port = null)
    {
        await BuildIfStaleAsync(repositoryRoot, cancellationToken);
        var baseAddress = new Uri($"http://127.0.0.1:{port ?? LoopbackPort.Free()}/");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = repositoryRoot };
        start.ArgumentList.Add(Path.Combine(repositoryRoot, ServerDll));
        foreach (var argument in settings.ToArguments(baseAddress)) start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var process = await ChildProcess.StartAsync(start, logPath, "The server", ct => IsHealthyAsync(http, baseAddress, ct), startTimeout, cancellationToken);
        return new LocalServer(process, baseAddress);
    }

    /// <summary>True when <c>GET /healthz</c> answers 200.</summary>
    public static async Task<bool> IsHealthyAsync(HttpClient http, Uri baseAddress, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(baseAddress, "healthz"), cancellationToken);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false; // not listening yet, or too busy starting to answer in time
        }
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
