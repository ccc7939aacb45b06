namespace StockStream.Tests.Infrastructure;

/// <summary>
/// A server node in a process of its own, joined to a Redis backplane, so a test can kill it as a crash would.
/// Its log lines are events the test can await ("took the generator lease").
/// </summary>
public sealed class ServerNode : IServerEndpoint, IAsyncDisposable
{
    public const string TookLease = "This node took the generator lease";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly ChildProcess _process;

    private ServerNode(ChildProcess process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public ChildProcess Process => _process;

    /// <summary>Starts a node on a free port and waits until it listens (it joins the shared stream before that).</summary>
    public static async Task<ServerNode> StartAsync(RedisServer redis, IReadOnlyDictionary<string, string>? settings = null)
    {
        int port = FreePort.Next();
        var merged = new Dictionary<string, string>
        {
            ["urls"] = $"http://127.0.0.1:{port}",
            ["Backplane:Kind"] = "Redis",
            ["Backplane:Redis"] = redis.Configuration,
            ["Market:Symbols"] = "20",
            ["Market:TicksPerSecond"] = "2000",
            ["Market:PublishIntervalMs"] = "2",
            ["Admin:Token"] = AdminToken,
            ["Frontend:RootPath"] = "does-not-exist",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
            ["Logging:LogLevel:StockStream.Server.Backplane"] = "Information",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) merged[key] = value;
        string dll = Path.Combine(AppContext.BaseDirectory, "StockStream.Server.dll");
        var process = ChildProcess.Start("dotnet", [dll, .. merged.Select(p => $"--{p.Key}={p.Value}")], AppContext.BaseDirectory);
        var node = new ServerNode(process, new Uri($"http://127.0.0.1:{port}"));
        await process.WaitForLineAsync("Now listening on", StartTimeout);
        return node;
    }

    public const string AdminToken = "scale-out-test-token";

    /// <summary>Completes when this node has taken the generator lease <paramref name="times"/> times in all.</summary>
    public Task TookLeaseAsync(TimeSpan timeout, int times = 1) => _process.WaitForLineAsync(TookLease, timeout, times);

    public bool Generates => _process.CountLines(TookLease) > _process.CountLines("lost the generator lease");

    public Task KillAsync() => _process.KillAsync();

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
