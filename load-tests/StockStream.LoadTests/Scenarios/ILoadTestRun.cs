using StockStream.LoadTests.Cli;
using StockStream.LoadTests.Engine;

namespace StockStream.LoadTests.Scenarios;

/// <summary>One command of the tool: runs its scenarios against the target and says what it found.</summary>
public interface ILoadTestRun
{
    /// <summary>The most clients the run will hold at once, so a server started for it allows them.</summary>
    int PeakClients(RunOptions options);

    /// <summary>Clients when <c>--clients</c> is not given; null for the option's own default.</summary>
    int? DefaultClients => null;

    /// <summary>How long each scenario runs when <c>--duration</c> is not given; null for the option's own default.</summary>
    TimeSpan? DefaultDuration => null;

    /// <summary>How long every client streams before counting starts when <c>--warm-up</c> is not given; null for the option's own default.</summary>
    TimeSpan? DefaultWarmUp => null;

    /// <summary>How many scenarios the run has (at most, for runs that may stop early), for the live display. Default 1.</summary>
    int ScenarioCount(RunOptions options) => 1;

    /// <summary>Settings (<c>--Key=value</c>) a server started for this command needs, before those of <c>--server-arg</c>. Default none.</summary>
    IReadOnlyList<string> ServerArguments => [];

    /// <summary>Why the options do not suit this command, checked before anything starts; null when they do.</summary>
    string? WhyItCannotRun(RunOptions options) => null;

    Task<RunResult> RunAsync(ScenarioExecutor executor, LoadTarget target, RunOptions options, CancellationToken cancellationToken);
}
