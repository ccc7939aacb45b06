namespace StockStream.Tests.Infrastructure;

/// <summary>
/// The server as a deployment runs it: <c>dotnet publish backend/StockStream.Server -c Release -o &lt;temp&gt;</c> (which
/// builds the web app with npm), then the published dll started from another folder on a free loopback port.
/// </summary>
public sealed class PublishedServer : IServerEndpoint, IAsyncLifetime
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(100);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan HealthPollInterval = TimeSpan.FromMilliseconds(200);
    private readonly DirectoryInfo _output = Directory.CreateTempSubdirectory("stockstream-publish-");
    private ChildProcess? _server;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The publish output folder.</summary>
    public string OutputFolder => _output.FullName;

    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };

    public async Task InitializeAsync()
    {
        await PublishAsync();
        BaseAddress = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        // Started from a folder without settings, as a service would be: appsettings and the app come from the dll's folder.
        _server = ChildProcess.Start("dotnet",
            [Path.Combine(OutputFolder, "StockStream.Server.dll"), $"--urls={BaseAddress}", "--Market:Symbols=20", "--Market:TicksPerSecond=2000"],
            Path.GetTempPath(), new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" });
        await WaitUntilHealthyAsync(_server);
    }

    private async Task PublishAsync()
    {
        await using var publish = ChildProcess.Start("dotnet",
            ["publish", "backend/StockStream.Server", "-c", "Release", "-o", OutputFolder, "-nologo", "--disable-build-servers"],
            RepositoryRoot());
        int exitCode;
        try
        {
            exitCode = await publish.WaitForExitAsync(PublishTimeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"dotnet publish did not finish within {PublishTimeout.TotalSeconds} s:\n{publish.Output}");
        }
        if (exitCode != 0) throw new InvalidOperationException($"dotnet publish failed with exit code {exitCode}:\n{publish.Output}");
    }

    private async Task WaitUntilHealthyAsync(ChildProcess server)
    {
        using var http = CreateHttpClient();
        using var deadline = new CancellationTokenSource(StartTimeout);
        while (true)
        {
            if (server.HasExited) throw new InvalidOperationException($"The published server exited:\n{server.Output}");
            try
            {
                using var response = await http.GetAsync("/healthz", deadline.Token);
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"The published server did not answer /healthz within {StartTimeout.TotalSeconds} s:\n{server.Output}");
            }
            await Task.Delay(HealthPollInterval, CancellationToken.None);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StockStream.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"StockStream.sln not found above {AppContext.BaseDirectory}.");
    }

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        _output.Delete(recursive: true);
    }
}
