using StockStream.LoadTests.Cli;
using StockStream.LoadTests.Engine;
using StockStream.LoadTests.Transports;

namespace StockStream.LoadTests.Scenarios;

/// <summary>
/// The <c>compare</c> command: the same load over each transport in turn, against the same server and settings.
/// A transport the server does not have (404) is skipped and said so; one that errors is run and reported failing.
/// </summary>
public sealed class CompareRun : ILoadTestRun
{
    /// <summary>Pause between transports so one's connections are gone before the next starts. Default 1 s.</summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(1);

    public int PeakClients(RunOptions options) => options.Clients;

    public int ScenarioCount(RunOptions options) => options.Transports.Count;

    public async Task<RunResult> RunAsync(ScenarioExecutor executor, LoadTarget target, RunOptions options, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var probe = new TransportProbe(http, target.BaseAddress, target.Symbols.Symbols[0]);
        var runs = new SideBySide(executor, Settle);
        foreach (var kind in options.Transports)
        {
            if (cancellationToken.IsCancellationRequested) break;
            if (await probe.WhyUnavailableAsync(kind, cancellationToken) is { } reason)
            {
                runs.Skip(kind.ScenarioName(), $"the server does not offer it ({reason})");
                continue;
            }
            await runs.RunAsync(on => on.RunAsync(kind, kind.ScenarioName(), options.SymbolsPerClient,
                StreamingScenario.LoadFrom(options, options.Clients), StreamingScenario.CountingStartsAfter(options), cancellationToken));
        }
        return runs.Result("No transport was available: nothing was measured.", []);
    }
}
