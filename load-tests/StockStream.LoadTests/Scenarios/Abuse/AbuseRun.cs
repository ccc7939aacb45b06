using System.Globalization;
using System.Net;
using StockStream.LoadTests.Cli;
using StockStream.LoadTests.Engine;
using StockStream.LoadTests.Metrics;
using StockStream.LoadTests.Server;
using StockStream.LoadTests.Transports;
using StockStream.Testing;

namespace StockStream.LoadTests.Scenarios.Abuse;

/// <summary>
/// The <c>abuse</c> command: bystanders — WebSocket, SSE and long-poll subscribers spread over many loopback addresses,
/// as many users would be — run once quiet and once while attackers, each from a loopback address of its own
/// (127.0.0.2 on), flood and misuse the server (<see cref="WebSocketAttacks"/>, <see cref="HttpAttacks"/>). It reports
/// each bystander's tick age quiet against abused, the server's memory, what the server refused by kind, and whether it
/// stayed alive; it fails when a bystander's tick age grows past <see cref="AbuseVerdict.MaxAgeRatio"/> or the server dies.
/// </summary>
public sealed class AbuseRun : ILoadTestRun
{
    private const int BystanderAddresses = 50;

    public int? DefaultClients => 300;

    public TimeSpan? DefaultDuration => TimeSpan.FromSeconds(20);

    /// <summary>Per-address limits on, so they bite the attackers; the bystanders stay within them, spread over their addresses.</summary>
    public IReadOnlyList<string> ServerArguments => ["--ClientLimits:ExemptLoopback=false"];

    public int PeakClients(RunOptions options) => options.Clients + 2 * HttpBystanders(options) + 3_000;

    public int ScenarioCount(RunOptions options) => 6 + Attacks(new ForgedCursorAnswers()).Count;

    public string? WhyItCannotRun(RunOptions options) =>
        options.Urls.Any(u => !LoadTarget.IsLoopback(u)) ? "abuse attacks from loopback addresses of its own: give it no --url, or one on this machine's loopback."
        : options.Nodes > 1 || options.Balancers > 0 || options.Agents > 0 || options.AgentUrls.Count > 0
            ? "abuse runs against one node, with its clients in this process: drop --nodes, --balancers and --agents."
        : null;

    public async Task<RunResult> RunAsync(ScenarioExecutor executor, LoadTarget target, RunOptions options, CancellationToken cancellationToken)
    {
        var answers = new ForgedCursorAnswers();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var refusals = new RefusalCounts(http, target.BaseAddress);

        var quiet = await RunPhaseAsync("quiet", [], executor, target, options, cancellationToken);
        var before = await refusals.ReadAsync(cancellationToken);
        var attacks = Attacks(answers);
        executor.Say($"Attacking from {attacks[0].Source} to {attacks[^1].Source}: {string.Join(", ", attacks.Select(a => a.Name))}");
        var abused = await RunPhaseAsync("abuse", attacks, executor, target, options, cancellationToken);
        var after = await refusals.ReadAsync(cancellationToken);
        string? dead = await WhyNotAliveAsync(http, target, cancellationToken);

        var bystanders = quiet.Bystanders.Zip(abused.Bystanders, (q, a) => new AbuseVerdict.Bystander(q, a)).ToList();
        var findings = new List<KeyValuePair<string, string>>(AbuseVerdict.Findings(bystanders));
        findings.Add(new("server alive after the abuse", dead is null ? "yes: /healthz 200, a new WebSocket accepted" : $"NO: {dead}"));
        findings.AddRange(RefusalCounts.Change(before, after));
        findings.Add(new("forged cursors: answers by status; largest body", string.Join(", ", answers.ByStatus.OrderBy(s => s.Key).Select(s => $"{s.Key} ×{s.Value:#,0}"))
            + string.Create(CultureInfo.InvariantCulture, $"; {answers.LargestBodyBytes:#,0} bytes")));
        return new RunResult([.. quiet.Bystanders, .. abused.Bystanders, .. abused.Attackers], abused.Bystanders)
        {
            Findings = findings,
            ThresholdResults = AbuseVerdict.Judge(bystanders, serverAlive: dead is null),
            Notes = ["The attackers run in the load-test process beside the bystanders: the client CPU they cost is in the bystanders' tick age too (see the client CPU finding)."],
        };
    }

    private sealed record Phase(IReadOnlyList<ScenarioStats> Bystanders, IReadOnlyList<ScenarioStats> Attackers);

    /// <summary>The bystanders of the three transports and the given attacks, side by side for the same time.</summary>
    private static async Task<Phase> RunPhaseAsync(string phase, IReadOnlyList<Attack> attacks, ScenarioExecutor executor, LoadTarget target, RunOptions options,
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
        var attackers = attacks.Select(attack =>
        {
            var m = executor.NewMeasurements();
            var on = new AttackTarget(target.BaseAddress, target.Symbols, attack, m);
            var props = Scenario.Create($"{phase}-{attack.Name}", attack.Session(on)).WithLoadSimulations([.. attack.Load(during)]);
            return (Target: on, Props: props, Attack: attack, Measurements: m);
        }).ToList();
        try
        {
            var running = bystanders.Select(b => executor.RunAsync(b.Scenario, b.Measurements, cancellationToken))
                .Concat(attackers.Select(a => executor.RunAsync(a.Props, a.Attack.Description, a.Measurements, cancellationToken)))
                .ToList();
            var stats = await Task.WhenAll(running);
            return new Phase(stats[..bystanders.Count], stats[bystanders.Count..]);
        }
        finally
        {
            foreach (var b in bystanders) b.Scenario.Dispose();
            foreach (var a in attackers) a.Target.Dispose();
        }
    }

    private static List<Attack> Attacks(ForgedCursorAnswers answers)
    {
        static IPAddress Address(int last) => IPAddress.Parse($"127.0.0.{last}");
        return [.. WebSocketAttacks.All(Address), .. HttpAttacks.All(Address, answers)];
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
