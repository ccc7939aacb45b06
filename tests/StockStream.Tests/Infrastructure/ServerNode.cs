using System.Diagnostics;
using StockStream.Testing;

namespace StockStream.Tests.Infrastructure;

/// <summary>
/// A server node in a process of its own, joined to a Redis backplane, so a test can kill it as a crash would. Whether
/// it generates the market is read from its <c>stockstream_backplane_generating</c> gauge at <c>/metrics</c>.
/// </summary>
public sealed class ServerNode : IServerEndpoint, IAsyncDisposable
{
    public const string AdminToken = "scale-out-test-token";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly ServerProcess _process;

    private ServerNode(ServerProcess process) => _process = process;

    public Uri BaseAddress => _process.BaseAddress;

    /// <summary>Starts a node on a free port and waits until it is healthy (it joins the shared stream before it listens).</summary>
    public static async Task<ServerNode> StartAsync(RedisServer redis)
    {
        var baseAddress = ServerProcess.FreeAddress();
        var settings = ServerTestSettings.With(new Dictionary<string, string?>
        {
            ["Backplane:Kind"] = "Redis",
            ["Backplane:Redis"] = redis.Configuration,
            ["Admin:Token"] = AdminToken,
            // What the backplane did (joined, took or lost the lease) explains a failing test's output.
            ["Logging:LogLevel:StockStream.Server.Backplane"] = "Information",
        });
        string dll = Path.Combine(AppContext.BaseDirectory, "StockStream.Server.dll");
        var start = new ProcessStartInfo("dotnet", [dll, .. ServerProcess.Arguments(baseAddress, settings)]) { WorkingDirectory = AppContext.BaseDirectory };
        return new ServerNode(await ServerProcess.StartAsync(start, baseAddress, logPath: null, StartTimeout));
    }

    /// <summary>True while this node holds the generator lease, as its metrics say.</summary>
    public async Task<bool> IsGeneratingAsync(CancellationToken cancellationToken = default)
    {
        string text = await Http.GetStringAsync(new Uri(BaseAddress, "metrics"), cancellationToken);
        return PrometheusText.Parse(text).GetValueOrDefault("stockstream_backplane_generating") == 1;
    }

    /// <summary>The first of <paramref name="nodes"/> to generate the market; fails when none does within <paramref name="timeout"/>.</summary>
    public static async Task<ServerNode> FirstGeneratingAsync(IReadOnlyList<ServerNode> nodes, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var generating = await Task.WhenAll(nodes.Select(n => n.IsGeneratingAsync(deadline.Token)));
                int first = Array.IndexOf(generating, true);
                if (first >= 0) return nodes[first];
                await Task.Delay(PollInterval, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException($"None of {string.Join(", ", nodes.Select(n => n.BaseAddress))} took the generator lease within {timeout.TotalSeconds} s:\n"
                + string.Join("\n", nodes.Select(n => n._process.Output)));
        }
    }

    public Task KillAsync() => _process.KillAsync();

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
