using StockStream.LoadTests.Cli;
using StockStream.LoadTests.Engine;
using StockStream.LoadTests.Transports;

namespace StockStream.LoadTests.Scenarios;

/// <summary>The <c>ws</c>, <c>ws-json</c>, <c>sse</c> and <c>long-poll</c> commands: N clients × M symbols over one transport.</summary>
public sealed class TransportRun(TransportKind kind) : ILoadTestRun
{
    public int PeakClients(RunOptions options) => options.Clients;

    public async Task<RunResult> RunAsync(ScenarioExecutor executor, LoadTarget target, RunOptions options, CancellationToken cancellationToken)
    {
        var stats = await executor.RunAsync(kind, kind.ScenarioName(), options.SymbolsPerClient,
            StreamingScenario.LoadFrom(options, options.Clients), StreamingScenario.CountingStartsAfter(options), cancellationToken);
        return new RunResult([stats], [stats]) { Findings = stats.Findings };
    }
}
