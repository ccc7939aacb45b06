namespace StockStream.LoadTests.Server;

/// <summary>
/// The servers this tool started: one node with its in-process backplane, or nodes sharing a Redis started here first.
/// Stopped nodes first, then Redis — on dispose, which also runs when starting fails or is cancelled.
/// </summary>
public sealed class LocalCluster : IAsyncDisposable
{
    private readonly List<LocalServer> _nodes = [];

    private LocalCluster()
    {
    }

    public IReadOnlyList<LocalServer> Nodes => _nodes;

    /// <summary>The backplane; null for in-process.</summary>
    public RedisServer? Redis { get; private set; }

    public static async Task<LocalCluster> StartAsync(string repositoryRoot, ServerSettings settings, int nodes, BackplaneKind backplane, string logFolder,
        TimeSpan startTimeout, Action<string> say, CancellationToken cancellationToken)
    {
        var cluster = new LocalCluster();
        try
        {
            if (backplane == BackplaneKind.Redis)
            {
                cluster.Redis = await RedisServer.StartAsync(logFolder, startTimeout, cancellationToken);
                settings = settings with { Redis = cluster.Redis.Configuration };
                say($"Redis started: {cluster.Redis.Configuration} (pid {cluster.Redis.ProcessId}), persistence off");
            }
            for (int i = 0; i < nodes; i++)
            {
                // Each node's startup waits for Redis and its /healthz for joining the shared stream: ready means ready to stream.
                var log = Path.Combine(logFolder, nodes == 1 ? "server.log" : $"node-{i + 1}.log");
                cluster._nodes.Add(await LocalServer.StartAsync(repositoryRoot, settings, log, startTimeout, cancellationToken));
            }
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>How the run reads the servers' resources: /proc of the one node as before, or of every node and Redis.</summary>
    public IServerProbe Probe() => Redis is null && _nodes.Count == 1
        ? new ProcStatProbe(_nodes[0].ProcessId)
        : new ClusterProbe([.. _nodes.Select(n => new ProcStatProbe(n.ProcessId))], Redis is null ? null : new ProcStatProbe(Redis.ProcessId));

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes) await node.DisposeAsync();
        if (Redis is not null) await Redis.DisposeAsync();
    }
}
