using System.Globalization;
using StockStream.LoadTests.Cli;
using StockStream.LoadTests.Engine;
using StockStream.LoadTests.Metrics;
using StockStream.LoadTests.Server;
using StockStream.LoadTests.Transports;
using StockStream.Protocol;
using StockStream.Testing;

namespace StockStream.LoadTests.Scenarios;

/// <summary>
/// The <c>scale-out</c> command: the same WebSocket load on 1 node in-process, 1 node over Redis and 2 nodes over Redis, each
/// started here in turn (and stopped before the next), clients spread over the nodes; what the backplane costs is the
/// difference of the first two.
/// </summary>
public sealed class ScaleOutRun : ILoadTestRun
{
    public static readonly IReadOnlyList<Deployment> Deployments =
        [new(1, BackplaneKind.InProcess), new(1, BackplaneKind.Redis), new(2, BackplaneKind.Redis)];

    /// <summary>Pause between deployments so one's connections are gone before the next starts. Default 1 s.</summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(1);

    public int? DefaultClients => 1000;

    public int PeakClients(RunOptions options) => options.Clients;

    public int ScenarioCount(RunOptions options) => Deployments.Count;

    public string? WhyItCannotRun(RunOptions options) =>
        options.Urls.Count > 0 ? "scale-out starts its own nodes and Redis; drop --url (or run ws against running nodes)."
        : options.Nodes != 1 || options.Backplane != BackplaneKind.InProcess ? "scale-out starts 1 node in-process, 1 node over Redis and 2 nodes over Redis itself; drop --nodes and --backplane."
        : RedisServer.Find() is null ? RedisServer.NotInstalled
        : null;

    public async Task<RunResult> RunAsync(ScenarioExecutor executor, LoadTarget target, RunOptions options, CancellationToken cancellationToken)
    {
        var runs = new SideBySide(executor, Settle);
        var load = StreamingScenario.LoadFrom(options, options.Clients);
        foreach (var deployment in Deployments)
        {
            if (cancellationToken.IsCancellationRequested) break;
            Func<ScenarioExecutor, Task<ScenarioStats>> measure = on =>
                on.RunAsync(TransportKind.WebSocket, deployment.Name, options.SymbolsPerClient, load, StreamingScenario.CountingStartsAfter(options), cancellationToken);
            // The command's own target is the first deployment: one node in-process, started as for any other command.
            if (deployment == Deployments[0])
            {
                await runs.RunAsync(measure);
                continue;
            }

            LoadTarget next;
            try
            {
                executor.Say($"Starting {deployment.Description}...");
                next = await LoadTarget.OpenAsync(options with { Nodes = deployment.Nodes, Backplane = deployment.Backplane }, PeakClients(options),
                    Path.Combine(target.LogFolder, deployment.Name), executor.Say, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is InvalidOperationException or HttpRequestException or OperationCanceledException)
            {
                runs.Fail(deployment.Name, $"it did not start ({e.Message})");
                continue;
            }
            await using (next)
            {
                using var onNext = executor.For(next);
                await runs.RunAsync(_ => measure(onNext));
                if (await GeneratingNodesAsync(next, cancellationToken) is > 1 and var generating)
                    runs.Note($"{deployment.Name}: {generating} nodes generated ticks, so they did not stream one shared market (a server without the Redis backplane ignores --Backplane:*); its delivery and tick age are not comparable.");
            }
        }
        if (runs.Scenarios.Count > 0) runs.Note($"Each deployment was started, measured and stopped in turn; the logs of the later ones are in {Path.Combine(target.LogFolder, "<deployment>")}.");
        return runs.Result("No deployment could be started: nothing was measured.", Costs(runs.Scenarios));
    }

    /// <summary>How many nodes say they generated ticks; over a shared stream exactly one does (it holds the lease).</summary>
    private static async Task<int> GeneratingNodesAsync(LoadTarget target, CancellationToken cancellationToken)
    {
        if (target.Nodes.Count < 2) return target.Nodes.Count;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            var pages = await Task.WhenAll(target.Nodes.Select(node => new ServerMetricsScraper(http, [node]).ScrapeAsync(cancellationToken)));
            return pages.Count(page => page?.GetValueOrDefault("stockstream_ticks_generated_total") > 0);
        }
        catch (OperationCanceledException)
        {
            return 0; // stopping, or a node too busy to answer: no verdict
        }
    }

    /// <summary>What Redis adds to one node (the backplane cost), and what a second node changes, from the deployments measured.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Costs(IReadOnlyList<ScenarioStats> scenarios)
    {
        var byName = scenarios.ToDictionary(s => s.Name);
        var (inProcess, redis, twoNodes) = (Deployments[0].Name, Deployments[1].Name, Deployments[2].Name);
        if (byName.TryGetValue(redis, out var withRedis) && byName.TryGetValue(inProcess, out var alone))
            foreach (var row in Difference("backplane cost (1 node over Redis − 1 node in-process)", withRedis, alone)) yield return row;
        if (byName.TryGetValue(twoNodes, out var two) && withRedis is not null)
            foreach (var row in Difference("second node (2 nodes − 1 node, over Redis)", two, withRedis)) yield return row;
    }

    private static IEnumerable<KeyValuePair<string, string>> Difference(string title, ScenarioStats after, ScenarioStats before)
    {
        string Text(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
        yield return new($"{title}: tick age p50 / p99",
            Text($"{after.TickAge.P50Ms - before.TickAge.P50Ms:+0.00;-0.00;0.00} / {after.TickAge.P99Ms - before.TickAge.P99Ms:+0.00;-0.00;0.00} ms"));
        yield return new($"{title}: delivered ticks/s", Text($"{after.TicksPerSecond - before.TicksPerSecond:+#,0;-#,0;0}"));
        if (after.Resources.ServerCores is { } a && before.Resources.ServerCores is { } b)
        {
            var redis = after.Resources.RedisCores is { } r ? Text($", Redis {r:0.00} cores beside") : "";
            yield return new($"{title}: server CPU", Text($"{a - b:+0.00;-0.00;0.00} cores{redis}"));
        }
    }
}
