using System.Net;
using System.Net.Sockets;
using StockStream.LoadTests.Server;
using StockStream.Protocol;
using StockStream.Testing;

namespace StockStream.LoadTests.Cluster;

/// <summary>
/// <c>npm run cluster</c>: Redis, the nodes and HAProxy in front of them on localhost, kept running until Ctrl+C. A node that dies
/// leaves the others serving (the balancer's checks take it out within about two seconds) and is started again on its port;
/// a node that cannot reach Redis answers 503 on <c>/healthz</c> and takes no new clients until it can.
/// </summary>
public sealed class ClusterSupervisor(ClusterOptions options, Action<string> say)
{
    public const int Stopped = 0, CouldNotStart = 2, BalancerDied = 1;

    /// <summary>How often the nodes are looked at. Default 1 s.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a process that was stopped (exit 0, SIGINT or SIGTERM) is taken for the start of Ctrl+C before it counts as a failure:
    /// a terminal sends Ctrl+C to every process of the group at once, and a child may exit on it before this one's handler has run.
    /// Default 2 s.
    /// </summary>
    public TimeSpan StopGrace { get; init; } = TimeSpan.FromSeconds(2);

    private readonly TaskCompletionSource<LocalCluster> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when everything is up, with what was started; fails when the start does.</summary>
    public Task<LocalCluster> Ready => _ready.Task;

    /// <summary>Raised with a node's index when it was started again after it died.</summary>
    public event Action<int>? NodeRestarted;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await StartAndSuperviseAsync(cancellationToken);
        }
        finally
        {
            _ready.TrySetException(new InvalidOperationException("The cluster did not start."));
        }
    }

    private async Task<int> StartAndSuperviseAsync(CancellationToken cancellationToken)
    {
        if (HaProxyBalancer.Find() is null) return Fail(HaProxyBalancer.NotInstalled);
        if (RedisServer.Find() is null) return Fail(RedisServer.NotInstalled);
        if (!PortIsFree(options.Port)) return Fail($"Port {options.Port} is in use on localhost; stop what listens there or pass --port.");

        LocalCluster cluster;
        try
        {
            say($"Starting Redis, {options.Nodes} nodes and HAProxy on http://localhost:{options.Port} (logs in {options.LogFolder})...");
            cluster = await LocalCluster.StartAsync(RepositoryRoot.Find(), options.Server, options.Nodes, BackplaneKind.Redis, options.LogFolder,
                TimeSpan.FromSeconds(60), say, cancellationToken, balancers: 1, balancerListen: ListenAddresses(options.Port));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Stopped;
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or OperationCanceledException or System.ComponentModel.Win32Exception)
        {
            return Fail(e.Message);
        }

        await using (cluster)
        {
            for (int i = 0; i < cluster.Nodes.Count; i++) say($"node-{i + 1}: {cluster.Nodes[i].BaseAddress} (pid {cluster.Nodes[i].ProcessId})");
            say($"Serving on http://localhost:{options.Port} through HAProxy; Ctrl+C stops everything.");
            _ready.TrySetResult(cluster);
            try
            {
                return await SuperviseAsync(cluster, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                say("Stopping the balancer, the nodes and Redis...");
                return Stopped;
            }
        }
    }

    private async Task<int> SuperviseAsync(LocalCluster cluster, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var healthy = cluster.Nodes.Select(_ => true).ToArray();
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            var balancer = cluster.Balancers[0];
            if (balancer.HasExited)
            {
                await AwaitCtrlCIfStoppedAsync("HAProxy", balancer.ExitCode, cancellationToken);
                say("HAProxy exited: stopping the cluster (see balancer.log).");
                return BalancerDied;
            }
            for (int i = 0; i < cluster.Nodes.Count; i++)
            {
                var node = cluster.Nodes[i];
                bool now = !node.HasExited && await HealthCheck.IsHealthyAsync(http, node.BaseAddress, cancellationToken);
                if (node.HasExited)
                {
                    await AwaitCtrlCIfStoppedAsync($"node-{i + 1}", node.ExitCode, cancellationToken);
                    say($"node-{i + 1} (pid {node.ProcessId}) exited with code {node.ExitCode}; the other nodes serve its clients.");
                    if (!options.RestartNodes) continue;
                    try
                    {
                        await cluster.RestartNodeAsync(i, cancellationToken);
                        say($"node-{i + 1} started again: {cluster.Nodes[i].BaseAddress} (pid {cluster.Nodes[i].ProcessId})");
                        healthy[i] = true;
                        NodeRestarted?.Invoke(i);
                    }
                    catch (InvalidOperationException e)
                    {
                        say($"node-{i + 1} did not start again ({e.Message}); trying again.");
                    }
                    continue;
                }
                if (now != healthy[i]) say(now ? $"node-{i + 1} is healthy again." : $"node-{i + 1} answers /healthz with an error (Redis unreachable?): it takes no new clients.");
                healthy[i] = now;
            }
        }
        return Stopped;
    }

    /// <summary>Throws when this process's own Ctrl+C arrives within <see cref="StopGrace"/> of a child's orderly stop.</summary>
    private async Task AwaitCtrlCIfStoppedAsync(string name, int exitCode, CancellationToken cancellationToken)
    {
        const int sigint = 2, sigterm = 15;
        if (exitCode is not (0 or 128 + sigint or 128 + sigterm)) return;
        say($"{name} was stopped (exit code {exitCode}).");
        await Task.Delay(StopGrace, cancellationToken);
    }

    /// <summary>IPv4 loopback, and IPv6 loopback where the machine has it, so http://localhost works whichever a browser resolves.</summary>
    public static IReadOnlyList<string> ListenAddresses(int port) =>
        Socket.OSSupportsIPv6 && CanBind(IPAddress.IPv6Loopback, 0) ? [$"127.0.0.1:{port}", $"[::1]:{port}"] : [$"127.0.0.1:{port}"];

    private static bool PortIsFree(int port) => CanBind(IPAddress.Loopback, port) && (!Socket.OSSupportsIPv6 || !CanBind(IPAddress.IPv6Loopback, 0) || CanBind(IPAddress.IPv6Loopback, port));

    private static bool CanBind(IPAddress address, int port)
    {
        try
        {
            using var listener = new TcpListener(address, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private int Fail(string reason)
    {
        say($"Could not start the cluster: {reason}");
        return CouldNotStart;
    }
}
