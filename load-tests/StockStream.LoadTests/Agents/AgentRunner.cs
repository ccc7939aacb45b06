using System.Net;
using StockStream.LoadTests.Engine;
using StockStream.LoadTests.Metrics;
using StockStream.LoadTests.Scenarios;
using StockStream.LoadTests.Server;
using StockStream.LoadTests.Transports;
using StockStream.LoadTests.Wire;
using StockStream.Protocol;

namespace StockStream.LoadTests.Agents;

/// <summary>Runs one <see cref="AgentJob"/> in this process: its clients, from its start time, counted in its window.</summary>
public static class AgentRunner
{
    /// <summary>The most clients one agent holds: a process's 20,000 open files, less a reserve for the runtime, logs and its own HTTP.</summary>
    public const int MaxClients = 19_000;

    public static async Task<AgentReport> RunAsync(AgentJob job, IReadOnlyList<IPAddress> ownSourceAddresses, CancellationToken cancellationToken)
    {
        var window = new MeasurementWindow
        {
            ClockOffsetMicros = job.ClockOffsetMicros,
            PlannedStartMicros = job.WindowStartMicros,
            PlannedCutoffMicros = job.WindowEndMicros,
        };
        var m = new ScenarioMeasurements(new SymbolTable(job.Symbols), window);
        var placement = new ClientPlacement
        {
            Reconnect = job.Reconnect ? new ReconnectPolicy() : null,
            SourceAddresses = ownSourceAddresses.Count > 0 ? ownSourceAddresses : [.. job.SourceAddresses.Select(IPAddress.Parse)],
        };
        using var scenario = new StreamingScenario(job.Kind, job.Name, job.Entrances, m, job.SymbolsPerClient, job.LoadSimulations(),
            warmUp: TimeSpan.FromSeconds(job.WarmUpSeconds), placement: placement);
        var wait = TimeSpan.FromMicroseconds(Math.Max(0, job.StartAtMicros - UnixTime.NowMicroseconds()));
        await Task.Delay(wait, cancellationToken);
        var runner = new ScenarioRunner(new ScenarioMonitor(new ClientOnlyProbe(), (_, _) => { }) { KeepIntervalHistograms = true })
        {
            FirstInstanceNumber = job.FirstInstance,
        };
        var outcome = await runner.RunAsync(scenario.Props with { DrainTime = TimeSpan.FromSeconds(job.DrainSeconds) }, m, cancellationToken);
        return AgentReport.From(outcome, m);
    }
}
