using System.Globalization;
using System.Net;
using StockStream.LoadTests.Cli;
using StockStream.LoadTests.Engine;
using StockStream.LoadTests.Metrics;
using StockStream.LoadTests.Server;
using StockStream.LoadTests.Transports;
using StockStream.Protocol;
using StockStream.Testing;

namespace StockStream.LoadTests.Scenarios.Abuse;

/// <summary>
/// The <c>abuse</c> command: bystanders — WebSocket, SSE and long-poll subscribers spread over many loopback addresses,
/// as many users would be — run quiet and then while attackers, each from a loopback address of its own (127.0.0.2 on),
/// flood and misuse the server (<see cref="WebSocketAttacks"/>, <see cref="HttpAttacks"/>), <see cref="RunOptions.Rounds"/>
/// times in turn. It reports each bystander's tick age quiet against abused, the server's memory, what the server refused
/// by kind, and whether it stayed alive; it fails when a bystander's tick age grows past <see cref="AbuseVerdict.MaxAgeRatio"/>
/// (the median over the rounds) or the server dies.
/// </summary>
public sealed class AbuseRun : ILoadTestRun
{
    private const int BystanderAddresses = 50;

    /// <summary>Time the attackers' process gets from "go" to the common start, to read the start time.</summary>
    private static readonly TimeSpan StartDelay = TimeSpan.FromMilliseconds(500);

    public int? DefaultClients => 300;

    public TimeSpan? DefaultDuration => TimeSpan.FromSeconds(20);

    /// <summary>Per-address limits on, so they bite the attackers; the bystanders stay within them, spread over their addresses.</summary>
    public IReadOnlyList<string> ServerArguments => ["--ClientLimits:ExemptLoopback=false"];

    public int PeakClients(RunOptions options) => options.Clients + 2 * HttpBystanders(options) + 3_000;

    /// <summary>
    /// How long the bystanders stream before the quiet baseline, unreported (at most the phases' own duration): without it
    /// the first phase alone pays for the JIT and first allocations of the server and the clients, and looks the slower.
    /// </summary>
    public static readonly TimeSpan WarmUpPhase = TimeSpan.FromSeconds(10);

    /// <summary>The bystanders of the three transports warming up, then quiet and abused each round; the attackers run in a process of their own.</summary>
    public int ScenarioCount(RunOptions options) => 3 + 6 * options.Rounds;

    public string? WhyItCannotRun(RunOptions options) =>
        options.Urls.Any(u => !LoadTarget.IsLoopback(u)) ? "abuse attacks from loopback addresses of its own: give it no --url, or one on this machine's loopback."
        : options.Nodes > 1 || options.Balancers > 0 || options.Agents > 0 || options.AgentUrls.Count > 0
            ? "abuse runs against one node, with its bystanders in this process: drop --nodes, --balancers and --agents."
        : null;

    public async Task<RunResult> RunAsync(ScenarioExecutor executor, LoadTarget target, RunOptions options, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var refusals = new RefusalCounts(http, target.BaseAddress);

        var warmUp = options with { Duration = options.Duration < WarmUpPhase ? options.Duration : WarmUpPhase };
        await RunPhaseAsync("warm-up", null, executor, target, warmUp, cancellationToken);
        var attacks = AttackList.Named(options.Attacks, new ForgedCursorAnswers());
        var scenarios = new List<ScenarioStats>();
        var rounds = new List<IReadOnlyList<AbuseVerdict.Bystander>>();
        List<KeyValuePair<string, string>>? refused = null;
        AttackerReport? report = null;
        var abusedBystanders = new List<ScenarioStats>();
        Phase? firstQuiet = null;
        for (int round = 1; round <= options.Rounds; round++)
        {
            // One round keeps the phases' plain names; several are told apart by number.
            string number = options.Rounds == 1 ? "" : round.ToString(CultureInfo.InvariantCulture);
            var quiet = await RunPhaseAsync("quiet" + number, null, executor, target, options, cancellationToken);
            var before = await refusals.ReadAsync(cancellationToken);
            executor.Say($"Attacking from {attacks[0].Source} to {attacks[^1].Source} in a process of their own (nice {options.AttackerNice}): {string.Join(", ", attacks.Select(a => a.Name))}");
            var abused = await RunPhaseAsync("abuse" + number, attacks, executor, target, options, cancellationToken);
            var after = await refusals.ReadAsync(cancellationToken);
            // What was refused is the first round's: every round's attackers do the same.
            refused ??= [.. RefusalCounts.Change(before, after)];
            report ??= abused.Attackers!;
            firstQuiet ??= quiet;
            abusedBystanders.AddRange(abused.Bystanders);
            rounds.Add([.. quiet.Bystanders.Zip(abused.Bystanders, (q, a) => new AbuseVerdict.Bystander(q, a))]);
            scenarios.AddRange([.. quiet.Bystanders, .. abused.Bystanders]);
            if (round == 1) scenarios.AddRange(report.Attacks);
        }
        string? dead = await WhyNotAliveAsync(http, target, cancellationToken);

        var findings = new List<KeyValuePair<string, string>>(AbuseVerdict.Findings(rounds));
        findings.Add(new("server alive after the abuse", dead is null ? "yes: /healthz 200, a new WebSocket accepted" : $"NO: {dead}"));
        findings.AddRange(refused!);
        findings.Add(new("attackers' process CPU (its own process, nice " + options.AttackerNice.ToString(CultureInfo.InvariantCulture) + ")",
            string.Create(CultureInfo.InvariantCulture, $"{report!.Cores:0.00} cores: within the abused bystanders' \"other processes\", not their client CPU")));
        if (rounds[0][0].Abused.Resources.OtherCores is { } others)
        {
            findings.Add(new("other processes' CPU under abuse besides the attackers, cores",
                string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, others - report.Cores):0.00} (quiet: {firstQuiet!.Bystanders[0].Resources.OtherCores:0.00})")));
        }
        if (attacks.Any(a => a.Name == HttpAttacks.ForgedCursors))
        {
            findings.Add(new("forged cursors: answers by status; largest body", string.Join(", ", report.ForgedCursorsByStatus.OrderBy(s => s.Key).Select(s => $"{s.Key} ×{s.Value:#,0}"))
                + string.Create(CultureInfo.InvariantCulture, $"; {report.ForgedCursorLargestBodyBytes:#,0} bytes")));
        }
        var notes = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"The bystanders first streamed {warmUp.Duration.TotalSeconds:0} s unreported (a warm-up phase), so that the quiet baseline does not pay for the JIT and first allocations alone."),
            $"The attackers ran in a process of their own at nice {options.AttackerNice} (as other machines would): their client CPU is not the bystanders', "
            + "whose process holds only them; what the server spends on refusing the attackers is all measured.",
        };
        if (options.Rounds > 1)
        {
            notes.Add($"Quiet and abused phases alternated {options.Rounds} times against the same server; each ratio judged is the median of the rounds' "
                + "ratios, and the first round's attackers and refusals are reported (every round's attackers do the same).");
        }
        return new RunResult(scenarios, abusedBystanders)
        {
            Findings = findings,
            ThresholdResults = AbuseVerdict.Judge(rounds, serverAlive: dead is null),
            Notes = notes,
        };
    }

    private sealed record Phase(IReadOnlyList<ScenarioStats> Bystanders, AttackerReport? Attackers);

    /// <summary>The bystanders of the three transports and, when given, the attacks beside them (in their own process) for the same time.</summary>
    private static async Task<Phase> RunPhaseAsync(string phase, IReadOnlyList<Attack>? attacks, ScenarioExecutor executor, LoadTarget target, RunOptions options,
        CancellationToken cancellationToken)
    {
        var placement = new ClientPlacement { SourceAddresses = [.. Enumerable.Range(1, BystanderAddresses).Select(i => IPAddress.Parse($"127.0.1.{i}"))] };
        var kinds = new[] { (TransportKind.WebSocket, options.Clients), (TransportKind.Sse, HttpBystanders(options)), (TransportKind.LongPoll, HttpBystanders(options)) };
        var bystanders = kinds.Select(k =>
        {
            var m = executor.NewMeasurements();
            var scenario = new StreamingScenario(k.Item1, $"{phase}-{k.Item1.ScenarioName()}", target.Entrances, m, options.SymbolsPerClient,
                StreamingScenario.LoadFrom(options, k.Item2), warmUp: StreamingScenario.CountingStartsAfter(options), placement: placement);
            return (Scenario: scenario, Measurements: m);
        }).ToList();
        var during = bystanders[0].Scenario.Props.Duration;
        AttackerProcess? attackers = null;
        try
        {
            if (attacks is not null)
            {
                var job = AttackerProcess.Job(target.LogFolder, phase, target.BaseAddress, target.Symbols.Symbols, [.. attacks.Select(a => a.Name)], during,
                    target.ClockOffsetMicros);
                attackers = await AttackerProcess.StartAsync(job, options.AttackerNice, target.LogFolder, cancellationToken);
                long start = await attackers.GoAsync(StartDelay, cancellationToken);
                await Task.Delay(TimeSpan.FromMicroseconds(Math.Max(0, start - UnixTime.NowMicroseconds())), cancellationToken);
            }
            var stats = await Task.WhenAll(bystanders.Select(b => executor.RunAsync(b.Scenario, b.Measurements, cancellationToken)));
            // The attackers stop with the bystanders' load; they get their own drain and stop time to finish and report.
            return new Phase(stats, attackers is null ? null : await attackers.ReportAsync(TimeSpan.FromSeconds(60)));
        }
        finally
        {
            foreach (var b in bystanders) b.Scenario.Dispose();
            if (attackers is not null) await attackers.DisposeAsync();
        }
    }

    private static int HttpBystanders(RunOptions options) => Math.Max(1, options.Clients / 12);

    /// <summary>Null when the server answers <c>/healthz</c> with 200 and accepts a new WebSocket; else what failed.</summary>
    private static async Task<string?> WhyNotAliveAsync(HttpClient http, LoadTarget target, CancellationToken cancellationToken)
    {
        if (target.Cluster?.Nodes.FirstOrDefault(n => n.HasExited) is { } exited) return $"the server process exited with code {exited.ExitCode}";
        if (!await HealthCheck.IsHealthyAsync(http, target.BaseAddress, cancellationToken)) return "/healthz did not answer 200";
        var probe = new TransportProbe(http, target.BaseAddress, target.Symbols.Symbols[0]);
        return await probe.WhyUnavailableAsync(TransportKind.WebSocket, cancellationToken) is { } why ? $"a new WebSocket was refused: {why}" : null;
    }
}
