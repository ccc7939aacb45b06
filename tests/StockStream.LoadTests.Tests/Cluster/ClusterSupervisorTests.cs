using System.Diagnostics;
using System.Net;
using StockStream.LoadTests.Cluster;
using StockStream.LoadTests.Server;
using StockStream.Testing;

namespace StockStream.LoadTests.Tests.Cluster;

/// <summary>The cluster a user starts with <c>npm run cluster</c>: real Redis, nodes and HAProxy (all must be installed; CI installs them).</summary>
public class ClusterSupervisorTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task ServesThroughTheBalancerWhileANodeIsKilledAndStartsItAgain()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var supervisor = new ClusterSupervisor(Options(nodes: 2), _ => { }) { Interval = TimeSpan.FromMilliseconds(250) };
        var restarted = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        supervisor.NodeRestarted += restarted.SetResult;
        var running = supervisor.RunAsync(stop.Token);
        var cluster = await supervisor.Ready.WaitAsync(Timeout);
        var entrance = cluster.Balancers[0].BaseAddress;
        int[] pids = [cluster.Balancers[0].ProcessId, cluster.Redis!.ProcessId, .. cluster.Nodes.Select(n => n.ProcessId)];
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };

        int killed = cluster.Nodes[0].ProcessId;
        cluster.KillNode(0);
        // Until the balancer's checks notice, a request to the dead node is retried on the other: none fails.
        for (var end = Stopwatch.StartNew(); end.Elapsed < TimeSpan.FromSeconds(3);)
        {
            using var health = await http.GetAsync(new Uri(entrance, "healthz"));
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            using var symbols = await http.GetAsync(new Uri(entrance, "api/symbols"));
            Assert.Equal(HttpStatusCode.OK, symbols.StatusCode);
        }
        Assert.Equal(0, await restarted.Task.WaitAsync(Timeout));
        Assert.NotEqual(killed, cluster.Nodes[0].ProcessId);
        Assert.True(await HealthCheck.IsHealthyAsync(http, cluster.Nodes[0].BaseAddress, stop.Token));
        pids = [.. pids, cluster.Nodes[0].ProcessId];

        await stop.CancelAsync();
        Assert.Equal(ClusterSupervisor.Stopped, await running.WaitAsync(Timeout));
        Assert.All(pids.Where(pid => pid != killed), pid => Assert.False(IsRunning(pid), $"process {pid} outlived the cluster"));
    }

    [Fact]
    public async Task CtrlCThatStopsHaProxyBeforeThisProcessSeesItStillStopsTheClusterAsStopped()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var haProxyStopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        void Say(string line)
        {
            lines.Enqueue(line);
            if (line.StartsWith("HAProxy was stopped", StringComparison.Ordinal)) haProxyStopped.TrySetResult();
        }
        // The grace outlasts the test, so the order is forced: HAProxy's exit is seen first, Ctrl+C arrives after it.
        var supervisor = new ClusterSupervisor(Options(nodes: 1), Say) { Interval = TimeSpan.FromMilliseconds(250), StopGrace = TimeSpan.FromMinutes(5) };
        var running = supervisor.RunAsync(stop.Token);
        var cluster = await supervisor.Ready.WaitAsync(Timeout);

        await SignalAsync(cluster.Balancers[0].ProcessId, "INT");
        await haProxyStopped.Task.WaitAsync(Timeout);
        await stop.CancelAsync();

        Assert.Equal(ClusterSupervisor.Stopped, await running.WaitAsync(Timeout));
        Assert.DoesNotContain(lines, l => l.StartsWith("HAProxy exited", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HaProxyStoppedWithoutCtrlCStopsTheClusterAsFailed()
    {
        var supervisor = new ClusterSupervisor(Options(nodes: 1), _ => { }) { Interval = TimeSpan.FromMilliseconds(250), StopGrace = TimeSpan.FromMilliseconds(500) };
        var running = supervisor.RunAsync(CancellationToken.None);
        var cluster = await supervisor.Ready.WaitAsync(Timeout);

        await SignalAsync(cluster.Balancers[0].ProcessId, "TERM");

        Assert.Equal(ClusterSupervisor.BalancerDied, await running.WaitAsync(Timeout));
    }

    [Fact]
    public async Task RefusesAPortInUseSayingSo()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var lines = new List<string>();
        var supervisor = new ClusterSupervisor(Options(nodes: 1) with { Port = ((IPEndPoint)listener.LocalEndpoint).Port }, lines.Add);

        Assert.Equal(ClusterSupervisor.CouldNotStart, await supervisor.RunAsync(CancellationToken.None).WaitAsync(Timeout));
        Assert.Contains(lines, l => l.Contains("is in use", StringComparison.Ordinal));
        await Assert.ThrowsAsync<InvalidOperationException>(() => supervisor.Ready);
    }

    private static ClusterOptions Options(int nodes) => new()
    {
        Nodes = nodes,
        Port = LoopbackPort.Free(),
        LogFolder = Directory.CreateTempSubdirectory("stockstream-cluster-").FullName,
    };

    private static async Task SignalAsync(int pid, string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
