using System.Globalization;
using StockStream.LoadTests.Cli;
using StockStream.LoadTests.Engine;
using StockStream.LoadTests.Metrics;
using StockStream.LoadTests.Transports;

namespace StockStream.LoadTests.Scenarios;

/// <summary>
/// The <c>connections</c> command: opens <see cref="BaselineClients"/> idle WebSocket connections (no subscriptions) and
/// holds them, ramps to the target and holds that, and reports connect time, failures and the server's memory per
/// connection — from the baseline to the peak (what a socket costs), and from the start (the server's warm-up too);
/// <c>--transports ws-deflate</c> holds compressed sockets instead (the first WebSocket transport listed is used).
/// </summary>
public sealed class ConnectionsRun : ILoadTestRun
{
    /// <summary>Ramp used when the options ask for none: connections arrive over this time. Default 10 s.</summary>
    public TimeSpan DefaultRamp { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Connections opened and held first, when <c>--clients</c> is at least twice as many: memory per connection is then
    /// also measured from here, after the code of the first handshakes has been compiled. Default 200.
    /// </summary>
    public int BaselineClients { get; init; } = 200;

    /// <summary>How long the baseline is held before the ramp, for the server to settle. Default 5 s.</summary>
    public TimeSpan BaselineHold { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Measured as deployed: the per-address limits apply to these loopback clients (the open-stream limit holds a lease
    /// per socket), raised so that all of them fit on one address.
    /// </summary>
    public IReadOnlyList<string> ServerArguments =>
        ["--ClientLimits:ExemptLoopback=false", "--ClientLimits:ConnectionsPerClient=1000000", "--ClientLimits:ConnectAttemptsPerSecond=1000000"];

    public int PeakClients(RunOptions options) => options.Clients;

    public async Task<RunResult> RunAsync(ScenarioExecutor executor, LoadTarget target, RunOptions options, CancellationToken cancellationToken)
    {
        var ramp = options.RampUp > TimeSpan.Zero ? options.RampUp : DefaultRamp;
        var kind = options.Transports.FirstOrDefault(k => k.IsWebSocket(), TransportKind.WebSocket);
        bool baseline = options.Clients >= 2 * BaselineClients;
        var baselineRamp = TimeSpan.FromSeconds(1);
        LoadSimulation[] load = baseline
            ? [Simulation.RampingConstant(BaselineClients, baselineRamp), Simulation.KeepConstant(BaselineClients, BaselineHold),
                Simulation.RampingConstant(options.Clients, ramp), Simulation.KeepConstant(options.Clients, options.Duration)]
            : [Simulation.RampingConstant(options.Clients, ramp), Simulation.KeepConstant(options.Clients, options.Duration)];
        var stats = await executor.RunAsync(kind, "connections", symbolsPerClient: 0, load, warmUp: TimeSpan.Zero, cancellationToken);

        var findings = new List<KeyValuePair<string, string>>
        {
            new("connections held", stats.PeakClients.ToString("#,0", CultureInfo.InvariantCulture)),
            new("connect time p50 / p99", string.Create(CultureInfo.InvariantCulture, $"{stats.ConnectTime.P50Ms:0.00} / {stats.ConnectTime.P99Ms:0.00} ms")),
            new("failed connects and drops", stats.Errors.ToString("#,0", CultureInfo.InvariantCulture)),
        };
        if (baseline && GrowthFrom(stats.Timeline, baselineRamp + BaselineHold, stats.PeakClients) is var (fromRss, fromClients, heldRss, perClient))
        {
            findings.Add(new($"server memory per connection, {fromClients:#,0} → {stats.PeakClients:#,0}", string.Create(CultureInfo.InvariantCulture,
                $"{perClient:0.00} KiB (RSS {fromRss:0} → {heldRss:0} MiB while all are held, {kind.Description()})")));
        }
        if (stats is { ServerKibPerClient: { } fromStart, Resources: { ServerRssStartMb: { } start, ServerRssPeakMb: { } peak } })
        {
            findings.Add(new("server memory per connection, warm-up included", string.Create(CultureInfo.InvariantCulture,
                $"{fromStart:0.0} KiB (RSS {start:0} → {peak:0} MiB)")));
        }
        return new RunResult([stats], [stats]) { Findings = findings, ChecksDelivery = false };
    }

    /// <summary>
    /// The server's RSS growth per connection from the last sample of the baseline (at or before
    /// <paramref name="baselineEnds"/>) to the highest sample while all <paramref name="peakClients"/> are held — not
    /// their teardown, which allocates for thousands of closes at once (0.8 KiB a connection at 5,200); null without the
    /// server's RSS or when the peak holds no more connections.
    /// </summary>
    internal static (double FromRssMb, long FromClients, double HeldRssMb, double KibPerClient)? GrowthFrom(IReadOnlyList<TimelinePoint> timeline,
        TimeSpan baselineEnds, int peakClients)
    {
        var last = timeline.LastOrDefault(p => p.Seconds <= baselineEnds.TotalSeconds && p.ServerRssMb is not null);
        if (last is not { ServerRssMb: { } fromRss } || peakClients <= last.Clients) return null;
        var held = timeline.Where(p => p.Seconds > baselineEnds.TotalSeconds && p.Clients >= peakClients).Select(p => p.ServerRssMb).OfType<double>().ToList();
        if (held.Count == 0) return null;
        double heldRss = held.Max();
        return (fromRss, last.Clients, heldRss, (heldRss - fromRss) * 1024 / (peakClients - last.Clients));
    }
}
