using System.Diagnostics;
using StockStream.Testing;

namespace StockStream.Tests.Infrastructure;

/// <summary>
/// The server as a deployment runs it: <c>dotnet publish backend/StockStream.Server -c Release -o &lt;temp&gt;</c> (which
/// builds the web app with npm), then the published dll started from another folder on a free loopback port.
/// </summary>
public sealed class PublishedServer : IServerEndpoint, IAsyncLifetime
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(25);
    private readonly DirectoryInfo _output = Directory.CreateTempSubdirectory("stockstream-publish-");
    private ServerProcess? _server;

    public Uri BaseAddress => _server?.BaseAddress ?? throw new InvalidOperationException("Not started.");

    /// <summary>The publish output folder.</summary>
    public string OutputFolder => _output.FullName;

    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };

    public async Task InitializeAsync()
    {
        await PublishAsync();
        var baseAddress = ServerProcess.FreeAddress();
        var settings = ServerTestSettings.With();
        settings.Remove("Frontend:RootPath"); // the point: the published app, found where publishing put it
        // Started from a folder without settings, as a service would be: appsettings and the app come from the dll's folder.
        var start = new ProcessStartInfo("dotnet", [Path.Combine(OutputFolder, "StockStream.Server.dll"), .. ServerProcess.Arguments(baseAddress, settings)])
        {
            WorkingDirectory = Path.GetTempPath(),
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Production" },
        };
        _server = await ServerProcess.StartAsync(start, baseAddress, logPath: null, StartTimeout);
    }

    private async Task PublishAsync()
    {
        var start = new ProcessStartInfo("dotnet", ["publish", "backend/StockStream.Server", "-c", "Release", "-o", OutputFolder, "-nologo", "--disable-build-servers"])
        {
            WorkingDirectory = RepositoryRoot(),
        };
        await using var publish = ChildProcess.Start(start);
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
