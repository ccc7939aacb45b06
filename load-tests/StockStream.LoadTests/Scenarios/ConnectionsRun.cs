using System.Globalization;
using StockStream.LoadTests.Cli;
using StockStream.LoadTests.Engine;
using StockStream.LoadTests.Transports;

namespace StockStream.LoadTests.Scenarios;

/// <summary>
/// The <c>connections</c> command: ramps idle WebSocket connections (no subscriptions) to the target, holds them,
/// and reports connect time, failures and the server's memory per connection; <c>--transports ws-deflate</c> holds
/// compressed sockets instead (the first WebSocket transport listed is used).
/// </summary>
public sealed class ConnectionsRun : ILoadTestRun
{
    /// <summary>Ramp used when the options ask for none: connections arrive over this time. Default 10 s.</summary>
    public TimeSpan DefaultRamp { get; init; } = TimeSpan.FromSeconds(10);

    public int PeakClients(RunOptions options) => options.Clients;

    public async Task<RunResult> RunAsync(ScenarioExecutor executor, LoadTarget target, RunOptions options, CancellationToken cancellationToken)
    {
        var ramp = options.RampUp > TimeSpan.Zero ? options.RampUp : DefaultRamp;
        var kind = options.Transports.FirstOrDefault(k => k.IsWebSocket(), TransportKind.WebSocket);
        var stats = await executor.RunAsync(kind, "connections", symbolsPerClient: 0,
            [Simulation.RampingConstant(options.Clients, ramp), Simulation.KeepConstant(options.Clients, options.Duration)], warmUp: TimeSpan.Zero, cancellationToken);

        var findings = new List<KeyValuePair<string, string>>
        {
            new("connections held", stats.PeakClients.ToString("#,0", CultureInfo.InvariantCulture)),
            new("connect time p50 / p99", string.Create(CultureInfo.InvariantCulture, $"{stats.ConnectTime.P50Ms:0.00} / {stats.ConnectTime.P99Ms:0.00} ms")),
            new("failed connects and drops", stats.Errors.ToString("#,0", CultureInfo.InvariantCulture)),
        };
        if (stats is { ServerKibPerClient: { } perClient, Resources: { ServerRssStartMb: { } start, ServerRssPeakMb: { } peak } })
        {
            findings.Add(new("server memory per connection", string.Create(CultureInfo.InvariantCulture,
                $"{perClient:0.0} KiB (RSS {start:0} → {peak:0} MiB, {kind.Description()})")));
        }
        return new RunResult([stats], [stats]) { Findings = findings, ChecksDelivery = false };
    }
}
