using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace StockStream.LoadTests.Server;

/// <summary>
/// The StockStream server started as a child process on a free loopback port, built first when its build is missing
/// or older than its sources; stopped (with its process tree) on dispose.
/// </summary>
public sealed class LocalServer : IAsyncDisposable
{
    private const string ServerProject = "backend/StockStream.Server";
    private const string ServerDll = "backend/StockStream.Server/bin/Release/net10.0/StockStream.Server.dll";

    private readonly Process _process;

    private LocalServer(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        // Last resort: however this tool ends, the server it started must not outlive it.
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    public static async Task<LocalServer> StartAsync(string repositoryRoot, ServerSettings settings, string logPath, TimeSpan startTimeout, CancellationToken cancellationToken)
    {
        await BuildIfStaleAsync(repositoryRoot, cancellationToken);
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = repositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(repositoryRoot, ServerDll));
        foreach (var argument in settings.ToArguments(baseAddress)) start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var server = new LocalServer(process, baseAddress);
        server.CopyOutputTo(logPath);
        try
        {
            await server.WaitUntilHealthyAsync(startTimeout, cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Polls <c>GET /healthz</c> until it answers 200.</summary>
    private async Task WaitUntilHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        while (await poll.WaitForNextTickAsync(deadline.Token))
        {
            if (_process.HasExited) throw new InvalidOperationException($"The server exited with code {_process.ExitCode} while starting.");
            try
            {
                using var response = await http.GetAsync(new Uri(BaseAddress, "healthz"), deadline.Token);
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
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

    private void CopyOutputTo(string logPath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        var log = TextWriter.Synchronized(new StreamWriter(logPath) { AutoFlush = true });
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) log.WriteLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) log.WriteLine(e.Data); };
        _process.Exited += (_, _) => log.Dispose();
        _process.EnableRaisingEvents = true;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void KillOnExit(object? sender, EventArgs e)
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        }
        _process.Dispose();
    }
}
