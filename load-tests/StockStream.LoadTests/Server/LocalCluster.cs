using StockStream.Protocol;
using StockStream.Testing;

namespace StockStream.LoadTests.Server;

/// <summary>
/// The servers this tool started: one node with its in-process backplane, or nodes sharing a Redis started here first,
/// optionally behind HAProxy balancers. Stopped balancers first, then nodes, then Redis — on dispose, which also runs when
/// starting fails or is cancelled.
/// </summary>
public sealed class LocalCluster : IAsyncDisposable
{
    private readonly List<LocalServer> _nodes = [];
    private readonly List<HaProxyBalancer> _balancers = [];

    private LocalCluster(string repositoryRoot, ServerSettings settings, string logFolder, TimeSpan startTimeout)
    {
        RepositoryRootPath = repositoryRoot;
        Settings = settings;
        LogFolder = logFolder;
        StartTimeout = startTimeout;
    }

    private string RepositoryRootPath { get; }
    private ServerSettings Settings { get; set; }
    private string LogFolder { get; }
    private TimeSpan StartTimeout { get; }

    public IReadOnlyList<LocalServer> Nodes => _nodes;

    /// <summary>The HAProxy processes in front of the nodes; empty when clients reach the nodes directly.</summary>
    public IReadOnlyList<HaProxyBalancer> Balancers => _balancers;

    /// <summary>The backplane; null for in-process.</summary>
    public RedisServer? Redis { get; private set; }

    /// <param name="balancers">HAProxy processes to start in front of the nodes (each carries what one process's descriptors allow).</param>
    /// <param name="balancerListen">Where the first balancer listens (e.g. 127.0.0.1:5000); null for a free loopback port. Others always take free ports.</param>
    public static async Task<LocalCluster> StartAsync(string repositoryRoot, ServerSettings settings, int nodes, BackplaneKind backplane, string logFolder,
        TimeSpan startTimeout, Action<string> say, CancellationToken cancellationToken, int balancers = 0, IReadOnlyList<string>? balancerListen = null)
    {
        var cluster = new LocalCluster(repositoryRoot, settings, logFolder, startTimeout);
        try
        {
            if (backplane == BackplaneKind.Redis)
            {
                cluster.Redis = await RedisServer.StartAsync(logFolder, persistent: false, startTimeout, cancellationToken);
                cluster.Settings = settings with { Redis = cluster.Redis.Configuration };
                say($"Redis started: {cluster.Redis.Configuration} (pid {cluster.Redis.ProcessId}), persistence off");
            }
            // The first node builds the server when needed and seeds the shared market; the others then join it side by side.
            // Each node's startup waits for Redis and its /healthz for joining the shared stream: ready means ready to stream.
            cluster._nodes.Add(await cluster.StartNodeAsync(0, nodes, port: null, cancellationToken));
            cluster._nodes.AddRange(await Task.WhenAll(Enumerable.Range(1, nodes - 1).Select(i => cluster.StartNodeAsync(i, nodes, port: null, cancellationToken))));
            for (int i = 0; i < balancers; i++)
            {
                var listen = i == 0 && balancerListen is { Count: > 0 } ? balancerListen : [$"127.0.0.1:{LoopbackPort.Free()}"];
                var config = new HaProxyConfig(listen, [.. cluster._nodes.Select(n => n.BaseAddress)]);
                var balancer = await HaProxyBalancer.StartAsync(config, logFolder, balancers == 1 ? "balancer" : $"balancer-{i + 1}", startTimeout, cancellationToken);
                cluster._balancers.Add(balancer);
                say($"HAProxy started: {balancer.BaseAddress} (pid {balancer.ProcessId}) in front of {nodes} nodes, at most {config.MaxConnections} connections");
            }
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Where clients connect: the balancers when there are any, else the nodes.</summary>
    public IReadOnlyList<Uri> Entrances => _balancers.Count > 0 ? [.. _balancers.Select(b => b.BaseAddress)] : [.. _nodes.Select(n => n.BaseAddress)];

    /// <summary>Kills node <paramref name="index"/> at once (SIGKILL), as a crash would.</summary>
    public void KillNode(int index) => _nodes[index].Kill();

    /// <summary>Starts node <paramref name="index"/> again on its own port, after it died.</summary>
    public async Task RestartNodeAsync(int index, CancellationToken cancellationToken)
    {
        var dead = _nodes[index];
        var started = await StartNodeAsync(index, _nodes.Count, dead.BaseAddress.Port, cancellationToken);
        _nodes[index] = started;
        await dead.DisposeAsync();
    }

    private Task<LocalServer> StartNodeAsync(int index, int nodes, int? port, CancellationToken cancellationToken) =>
        LocalServer.StartAsync(RepositoryRootPath, Settings, Path.Combine(LogFolder, nodes == 1 ? "server.log" : $"node-{index + 1}.log"), StartTimeout, cancellationToken, port);

    /// <summary>How the run reads the servers' resources: /proc of the one node as before, or of every node, Redis and the balancers.</summary>
    public IServerProbe Probe() => Redis is null && _nodes.Count == 1 && _balancers.Count == 0
        ? new ProcStatProbe(_nodes[0].ProcessId)
        : new ClusterProbe([.. _nodes.Select(n => new ProcStatProbe(n.ProcessId))], Redis is null ? null : new ProcStatProbe(Redis.ProcessId))
        {
            Balancers = [.. _balancers.Select(b => new ProcStatProbe(b.ProcessId))],
        };

    public async ValueTask DisposeAsync()
    {
        foreach (var balancer in _balancers) await balancer.DisposeAsync();
        foreach (var node in _nodes) await node.DisposeAsync();
        if (Redis is not null) await Redis.DisposeAsync();
    }
}
