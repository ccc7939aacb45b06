using StockStream.LoadTests.Server;

namespace StockStream.LoadTests.Tests.Server;

/// <summary>The server the tool starts for a run, as a real process.</summary>
public sealed class LocalServerTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"local-server-{Guid.NewGuid():N}");

    [Fact]
    public async Task WritesTheServersOwnOutputToItsLog()
    {
        using var stop = new CancellationTokenSource(Timeout);
        var log = Path.Combine(_folder, "server.log");
        var server = await LocalServer.StartAsync(RepositoryRoot.Find(), new ServerSettings { Symbols = 5, TicksPerSecond = 10 }, log, Timeout, stop.Token);
        await server.DisposeAsync();

        var text = await File.ReadAllTextAsync(log, stop.Token);
        Assert.Contains($"Now listening on: {server.BaseAddress.GetLeftPart(UriPartial.Authority)}", text);
        Assert.Contains("Market simulator started: 5 instruments", text);
    }

    [Fact]
    public async Task StartsTheServerWithTheEnvironmentVariablesItIsGiven()
    {
        using var stop = new CancellationTokenSource(Timeout);
        var settings = new ServerSettings { Symbols = 5, TicksPerSecond = 10, EnvironmentVariables = ["DOTNET_GCgen0size=0x1000000", "STOCKSTREAM_TEST=a=b"] };
        var server = await LocalServer.StartAsync(RepositoryRoot.Find(), settings, Path.Combine(_folder, "server.log"), Timeout, stop.Token);
        try
        {
            var environment = (await File.ReadAllTextAsync($"/proc/{server.ProcessId}/environ", stop.Token)).Split('\0');
            Assert.Contains("DOTNET_GCgen0size=0x1000000", environment);
            Assert.Contains("STOCKSTREAM_TEST=a=b", environment);
            Assert.Contains("ASPNETCORE_ENVIRONMENT=Production", environment);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
