using System.Globalization;
using StockStream.LoadTests.Engine;
using StockStream.LoadTests.Metrics;
using StockStream.LoadTests.Server;
using StockStream.Protocol;

namespace StockStream.LoadTests.Scenarios;

/// <summary>
/// Counts each node's connections and memory during a scenario on nodes started here, and — when asked — kills the last node
/// (SIGKILL) mid-run; then says what that cost: how many clients dropped, how long until all had resumed elsewhere, and what the
/// other clients' tick age and throughput did meanwhile.
/// </summary>
public sealed class NodeFault(LoadTarget target, HttpClient http, TimeSpan? killAfter, TimeSpan duration, Action<string> say)
{
    private static readonly TimeSpan Around = TimeSpan.FromSeconds(10);
    private NodeCensus? _atStart, _beforeKill, _atFullLoad;
    private long? _killedAtMicros;
    private int _killed = -1;

    public async Task RunAsync(long startMicros, CancellationToken cancellationToken)
    {
        if (target.Cluster is not { } cluster) return;
        _atStart = await NodeCensus.TakeAsync(http, cluster, cancellationToken);
        if (killAfter is { } after && cluster.Nodes.Count > 1)
        {
            await UntilAsync(startMicros + (long)(after - TimeSpan.FromSeconds(1)).TotalMicroseconds, cancellationToken);
            _beforeKill = await NodeCensus.TakeAsync(http, cluster, cancellationToken);
            await UntilAsync(startMicros + (long)after.TotalMicroseconds, cancellationToken);
            _killed = cluster.Nodes.Count - 1;
            cluster.KillNode(_killed);
            _killedAtMicros = UnixTime.NowMicroseconds();
            say($"Killed node-{_killed + 1} (pid {cluster.Nodes[_killed].ProcessId}) with SIGKILL, {after.TotalSeconds:0.#} s into the run; {_beforeKill.Connections[_killed]} connections were on it");
        }
        await UntilAsync(startMicros + (long)(duration - TimeSpan.FromSeconds(2)).TotalMicroseconds, cancellationToken);
        _atFullLoad = await NodeCensus.TakeAsync(http, cluster, cancellationToken);
    }

    private static Task UntilAsync(long micros, CancellationToken cancellationToken) =>
        Task.Delay(TimeSpan.FromMicroseconds(Math.Max(0, micros - UnixTime.NowMicroseconds())), cancellationToken);

    public IEnumerable<KeyValuePair<string, string>> Findings(ScenarioStats stats, ScenarioMeasurements m, long startMicros)
    {
        string Text(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
        var loaded = _beforeKill ?? _atFullLoad;
        if (loaded is not null && _atStart is not null)
        {
            yield return new("connections per node" + (_beforeKill is null ? "" : " (before the kill)"), Text($"{string.Join(" + ", loaded.Connections.Select(c => c?.ToString(CultureInfo.InvariantCulture) ?? "?"))} = {loaded.TotalConnections}"));
            yield return new("server memory per connection, per node (RSS growth / connections)", string.Join(", ", loaded.Connections.Select((c, i) =>
                c is > 0 && loaded.RssBytes[i] is { } rss && _atStart.RssBytes[i] is { } rss0 ? Text($"{(rss - rss0) / 1024.0 / c.Value:0.0} KiB") : "?")));
            yield return new("server RSS per node, MiB", string.Join(", ", loaded.RssBytes.Select(r => r is { } b ? Text($"{b / 1048576.0:0}") : "?")));
        }
        if (_killedAtMicros is not { } killedAt) yield break;
        if (_atFullLoad is not null)
            yield return new("connections per node after the kill", Text($"{string.Join(" + ", _atFullLoad.Connections.Select(c => c?.ToString(CultureInfo.InvariantCulture) ?? "-"))} = {_atFullLoad.TotalConnections}"));
        var c = m.Counters;
        double killSecond = (killedAt - startMicros) / 1e6;
        yield return new("node killed", Text($"node-{_killed + 1}, {killSecond:0.0} s into the run, {_beforeKill?.Connections[_killed]} connections on it"));
        yield return new("its clients", Text($"{c.Drops} connections dropped, {c.Reconnects} streams resumed on other nodes, {c.ReconnectFailures} reconnect attempts failed and were retried"));
        if (c.LastResumeMicros is { } last)
            yield return new("recovery: kill → last stream resumed", Text($"{(last - killedAt) / 1e6:0.00} s"));
        var reconnect = m.ReconnectTime.Total();
        yield return new("reconnect time (drop → resumed) p50 / p99 / max", Text($"{reconnect.P50Ms:0} / {reconnect.P99Ms:0} / {reconnect.MaxMs:0} ms"));
        var before = stats.Timeline.Where(p => p.Seconds > killSecond - Around.TotalSeconds && p.Seconds <= killSecond).ToList();
        var afterKill = stats.Timeline.Where(p => p.Seconds > killSecond && p.Seconds <= killSecond + Around.TotalSeconds).ToList();
        if (before.Count > 0 && afterKill.Count > 0)
        {
            yield return new("cost to the others: tick age p99, 10 s before → worst second of the 10 s after", Text($"{Median(before.Select(p => p.P99Ms)):0.0} → {afterKill.Max(p => p.P99Ms):0.0} ms"));
            yield return new("ticks/s delivered, 10 s before → 10 s after", Text($"{before.Average(p => p.TicksPerSecond):0} → {afterKill.Average(p => p.TicksPerSecond):0}"));
        }
        yield return new("every seq contiguous across the failover", stats.Delivery.GapTicks == 0 && stats.Delivery.OutOfOrder == 0 && stats.Delivery.ResyncedTicks == 0
            ? "yes: no gap, no resync, nothing out of order"
            : Text($"no: {stats.Delivery.GapTicks} gap ticks, {stats.Delivery.ResyncedTicks} resynced, {stats.Delivery.OutOfOrder} out of order"));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[sorted.Length / 2];
    }
}
