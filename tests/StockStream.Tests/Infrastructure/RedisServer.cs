namespace StockStream.Tests.Infrastructure;

/// <summary>
/// A redis-server of the test's own on a free loopback port, writing an append-only file so that a restart
/// keeps the stream (as a production Redis with persistence would). Stopped when disposed.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("stockstream-redis-");
    private ChildProcess? _process;

    public int Port { get; } = FreePort.Next();

    /// <summary>The StackExchange.Redis configuration string nodes are given.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        var redis = new RedisServer();
        await redis.RestartAsync();
        return redis;
    }

    /// <summary>Starts it (again, on the same port and data) and waits until it accepts connections.</summary>
    public async Task RestartAsync()
    {
        _process = ChildProcess.Start(Executable(), ["--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "",
            "--appendonly", "yes", "--appendfsync", "always", "--dir", _data.FullName]);
        await _process.WaitForLineAsync("Ready to accept connections", StartTimeout);
    }

    /// <summary>Kills it as a crash would.</summary>
    public Task KillAsync() => _process?.KillAsync() ?? Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_process is not null) await _process.DisposeAsync();
        _data.Delete(recursive: true);
    }

    private static string Executable()
    {
        string? path = Environment.GetEnvironmentVariable("PATH")?.Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "redis-server"))
            .FirstOrDefault(File.Exists);
        return path ?? throw new InvalidOperationException(
            "redis-server is not installed, and the scale-out tests need a real one: apt-get install redis-server (.ci/run does this).");
    }
}
