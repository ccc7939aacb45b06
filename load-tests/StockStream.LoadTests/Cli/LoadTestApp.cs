using System.Globalization;
using StockStream.LoadTests.Agents;
using StockStream.LoadTests.Display;
using StockStream.LoadTests.Engine;
using StockStream.LoadTests.Metrics;
using StockStream.LoadTests.Reports;
using StockStream.LoadTests.Scenarios;
using StockStream.LoadTests.Server;
using StockStream.LoadTests.Thresholds;

namespace StockStream.LoadTests.Cli;

/// <summary>
/// Runs one command end to end: opens the target (starting the server when no --url), runs the scenarios,
/// checks the thresholds, writes the reports. Exit code 0 = passed, 1 = a threshold failed, 2 = the run could not be made.
/// </summary>
public sealed class LoadTestApp(TextWriter output)
{
    public const int Passed = 0, ThresholdFailed = 1, CouldNotRun = 2;

    public async Task<int> RunAsync(string command, ILoadTestRun run, RunOptions options, string commandLine, CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        // What the command needs of a server started for it comes first, so --server-arg can still override it.
        options = options with { ServerArguments = [.. run.ServerArguments, .. options.ServerArguments] };
        var folder = Path.Combine(ReportFolder.Root(options), $"{started:yyyyMMdd-HHmmss}-{command}");
        var display = new ProgressDisplay(options.PlainProgress, output) { PlannedScenarios = run.ScenarioCount(options) };
        if ((run.WhyItCannotRun(options) ?? WhyAgentsCannotRun(options)) is { } reason)
        {
            display.Message($"Could not start the run: {reason}");
            return CouldNotRun;
        }
        LoadTarget target;
        try
        {
            target = await LoadTarget.OpenAsync(options, run.PeakClients(options), folder, display.Message, cancellationToken);
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or OperationCanceledException or System.ComponentModel.Win32Exception)
        {
            display.Message($"Could not start the run: {e.Message}");
            return CouldNotRun;
        }

        AgentPool? agents;
        try
        {
            agents = options.AgentUrls.Count > 0 ? AgentPool.Remote(options.AgentUrls)
                : options.Agents > 0 ? await AgentPool.StartLocalAsync(options.Agents, folder, display.Message, cancellationToken)
                : null;
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException or System.ComponentModel.Win32Exception)
        {
            await target.DisposeAsync();
            display.Message($"Could not start the load agents: {e.Message}");
            return CouldNotRun;
        }

        await using (target)
        await using (agents)
        {
            using var executor = new ScenarioExecutor(target, display)
            {
                Agents = agents,
                Placement = new ClientPlacement { Reconnect = options.Reconnect ? new Transports.ReconnectPolicy() : null },
                KillNodeAfter = options.KillNodeAfter,
            };
            RunResult result;
            try
            {
                result = await run.RunAsync(executor, target, options, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                display.Message("Cancelled.");
                return CouldNotRun;
            }
            catch (InvalidOperationException e)
            {
                // A process the run started failed (the attackers', an agent): what it said is the whole story.
                display.Message($"Could not complete the run: {e.Message}");
                return CouldNotRun;
            }
            var thresholds = Thresholds(options, result.ChecksDelivery);
            var report = new RunReport
            {
                Command = command,
                CommandLine = commandLine,
                StartedUtc = started,
                Settings = Settings(options, target),
                Scenarios = result.Scenarios,
                Thresholds = [.. ThresholdEvaluator.Evaluate(result.Checked, thresholds), .. result.ThresholdResults],
                Incomplete = result.Incomplete,
                Cancelled = cancellationToken.IsCancellationRequested,
                Findings = result.Findings,
                Notes = [.. result.Notes, .. Warnings(result, target), .. cancellationToken.IsCancellationRequested ? ["Cancelled before the end: the results are partial."] : Array.Empty<string>()],
            };
            var files = ReportWriter.Write(report, folder);
            Print(report, files, display);
            if (cancellationToken.IsCancellationRequested) return CouldNotRun;
            if (result.Scenarios.Count == 0) return ThresholdFailed;
            return report.Passed ? Passed : ThresholdFailed;
        }
    }

    private static string? WhyAgentsCannotRun(RunOptions options)
    {
        int agents = options.AgentUrls.Count > 0 ? options.AgentUrls.Count : options.Agents;
        if (options.KillNodeAfter is not null && (agents == 0 || options.Urls.Count > 0 || options.Nodes < 2))
            return "--kill-node-after kills a node started here while agents hold the clients: it needs --agents and --nodes 2 or more.";
        if (agents == 0) return null;
        if (options.Agents > 0 && options.AgentUrls.Count > 0) return "--agents starts agents here; --agent-url names running ones: give one of them.";
        return AgentCoordinator.WhyItCannotShare(StreamingScenario.LoadFrom(options, options.Clients), agents);
    }

    public static IReadOnlyList<Threshold> Thresholds(RunOptions options, bool checksDelivery)
    {
        var thresholds = new List<Threshold>();
        if (options.MaxErrors is { } errors) thresholds.Add(Threshold.MaxErrors(errors));
        if (!checksDelivery) return thresholds;
        if (options.Smoke) thresholds.Add(Threshold.MinTicks(1));
        if (options.MinDelivery is { } delivery) thresholds.Add(Threshold.MinDelivery(delivery));
        if (options.MaxGapTicks is { } gaps) thresholds.Add(Threshold.MaxGapTicks(gaps));
        if (options.Smoke) thresholds.Add(Threshold.MaxOutOfOrder(0));
        if (options.MaxP99Ms is { } p99) thresholds.Add(Threshold.MaxP99Ms(p99));
        // A node killed under a smoke run: its clients must have come back, and resumed without skipping a tick.
        if (options.Smoke && options.KillNodeAfter is not null) thresholds.AddRange([Threshold.MinReconnects(1), Threshold.MaxResynced(0)]);
        return thresholds;
    }

    private static IEnumerable<string> Warnings(RunResult result, LoadTarget target)
    {
        foreach (var warning in ScenarioWarnings(result.Scenarios)) yield return warning;
        if (target.Clock is null) yield return "The server has no WebSocket endpoint to measure the clock offset; tick ages use the client clock as is.";
    }

    /// <summary>What may have limited or disturbed each scenario: a saturated client, a busy machine, disagreeing clocks.</summary>
    internal static IEnumerable<string> ScenarioWarnings(IReadOnlyList<ScenarioStats> scenarios)
    {
        foreach (var s in scenarios.Where(s => s.Resources.ClientSaturated))
            yield return string.Create(CultureInfo.InvariantCulture, $"{s.Name}: the load-test client used {s.Resources.ClientCores:0.00} cores on average: it may have limited the results.");
        foreach (var s in scenarios.Where(s => s.Resources.MachineBusy))
            yield return string.Create(CultureInfo.InvariantCulture,
                $"{s.Name}: other processes used {s.Resources.OtherCores:0.00} of the machine's {Environment.ProcessorCount} cores on average: the machine was busy, so its tick ages and CPU figures carry that noise.");
        foreach (var s in scenarios.Where(s => s.NegativeAges > 0))
            yield return $"{s.Name}: {s.NegativeAges} ticks arrived before their own time: client and server clocks disagree.";
    }

    private static List<KeyValuePair<string, string>> Settings(RunOptions o, LoadTarget target)
    {
        string Text(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
        var settings = new List<KeyValuePair<string, string>>
        {
            new("server", target.IsLocal ? Text($"started here: {string.Join(", ", target.Nodes)}, {o.TicksPerSecond} ticks/s over {o.MarketSymbols} symbols") : string.Join(", ", target.Nodes)),
            new("server resources from", target.Probe.Source),
            new("symbols known", target.Symbols.Count.ToString(CultureInfo.InvariantCulture)),
            new("clients × symbols each", Text($"{o.Clients} × {o.SymbolsPerClient}")),
            new("load", o.InjectRate is { } rate
                ? Text($"warm-up {o.WarmUp.TotalSeconds} s (not counted), then inject {rate}/s, sessions of {o.SessionLength.TotalSeconds} s, for {o.Duration.TotalSeconds} s")
                : Text($"ramp {o.RampUp.TotalSeconds} s and warm-up {o.WarmUp.TotalSeconds} s with every client (not counted), then keep constant for {o.Duration.TotalSeconds} s (counted)")),
            new("clock offset", target.Clock is { } c ? Text($"{c.OffsetMicros / 1000.0:0.000} ms (round trip {c.RoundTripMicros / 1000.0:0.000} ms), {(target.ClockOffsetMicros != 0 ? "applied" : "not applied: one host, one clock")}") : "not measured"),
            new("machine", Text($"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}")),
            new("machine load average at start (1, 5, 15 min)", LoadAverage()),
        };
        if (target.IsLocal && o.ServerEnvironment.Count > 0) settings.Insert(1, new("server environment", string.Join(' ', o.ServerEnvironment)));
        if (target.IsLocal && o.ServerArguments.Count > 0) settings.Insert(1, new("server settings", string.Join(' ', o.ServerArguments)));
        if (target.Redis is { } redis) settings.Insert(1, new("backplane", $"Redis started here at {redis}, persistence off"));
        return settings;
    }

    private static string LoadAverage()
    {
        try { return string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "n/a"; }
    }

    private static void Print(RunReport report, IReadOnlyList<string> files, ProgressDisplay display)
    {
        display.Message("");
        foreach (var line in MarkdownReport.Render(report).Split('\n').SkipWhile(l => !l.StartsWith("## ", StringComparison.Ordinal)))
            display.Message(line.TrimEnd());
        display.Message($"Reports: {string.Join(", ", files)}");
        display.Message($"RESULT: {report.Result}");
    }

}
