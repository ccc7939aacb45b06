using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using StockStream.LoadTests.Cli;
using StockStream.LoadTests.Engine;
using StockStream.LoadTests.Metrics;
using StockStream.LoadTests.Server;
using StockStream.LoadTests.Wire;
using StockStream.Protocol;

namespace StockStream.LoadTests.Scenarios.Abuse;

/// <summary>
/// The hidden <c>attackers --job FILE</c> command: the abuse run starts it as a process of its own, at a lower CPU priority,
/// so the attackers' client CPU is not in the bystanders' tick age (in reality they are other machines). It runs the job's
/// attacks from the job's start time and writes their statistics.
/// </summary>
public static class AttackerCommand
{
    /// <summary>How long the process waits for its start time before it gives up.</summary>
    private static readonly TimeSpan GoTimeout = TimeSpan.FromMinutes(2);

    public const string Name = "attackers";

    public static Command Create(TextWriter output)
    {
        var job = new Option<string>("--job") { Description = "The job file (JSON) the abuse run wrote", Required = true };
        job.Validators.Add(r =>
        {
            string path = r.GetValueOrDefault<string>() ?? "";
            if (!File.Exists(path)) r.AddError($"--job must name an existing job file, not '{path}'.");
        });
        var command = new Command(Name, "Run an abuse run's attackers in this process (started by abuse itself)") { job };
        command.Hidden = true;
        command.SetAction(async (result, cancellationToken) =>
        {
            string file = result.GetValue(job)!;
            AttackerJob? read;
            try
            {
                read = JsonSerializer.Deserialize<AttackerJob>(await File.ReadAllTextAsync(file, cancellationToken), AttackerProcess.Json);
            }
            catch (JsonException e)
            {
                output.WriteLine($"Not an attacker job: {e.Message}");
                return LoadTestApp.CouldNotRun;
            }
            if (read is null || read.Attacks.Count == 0 || read.Symbols.Count == 0 || read.Attacks.Any(a => !AttackList.IsName(a, out _)))
            {
                output.WriteLine($"An attacker job needs symbols and attacks among {AttackList.NameList}.");
                return LoadTestApp.CouldNotRun;
            }
            return await RunAsync(read, output, cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(AttackerJob job, TextWriter output, CancellationToken cancellationToken)
    {
        var answers = new ForgedCursorAnswers();
        var attacks = AttackList.Named(job.Attacks, answers);
        await File.WriteAllTextAsync(job.ReadyFile, "ready", cancellationToken);
        if (await StartTimeAsync(job, cancellationToken) is not { } start)
        {
            output.WriteLine($"No start time in {job.GoFile} within {GoTimeout.TotalSeconds:0} s.");
            return LoadTestApp.CouldNotRun;
        }
        await Task.Delay(TimeSpan.FromMicroseconds(Math.Max(0, start - UnixTime.NowMicroseconds())), cancellationToken);
        output.WriteLine($"Attacking {job.BaseAddress} for {job.Seconds:0.#} s: {string.Join(", ", attacks.Select(a => a.Name))}");

        var symbols = new SymbolTable(job.Symbols);
        var during = TimeSpan.FromSeconds(job.Seconds);
        var cpu = ResourceSnapshot.Client(DateTime.UtcNow);
        var stats = await Task.WhenAll(attacks.Select(async attack =>
        {
            var m = new ScenarioMeasurements(symbols, new MeasurementWindow { ClockOffsetMicros = job.ClockOffsetMicros });
            using var on = new AttackTarget(job.BaseAddress, symbols, attack, m);
            var props = Scenario.Create($"{job.Phase}-{attack.Name}", attack.Session(on)).WithLoadSimulations([.. attack.Load(during)]);
            var outcome = await new ScenarioRunner(new ScenarioMonitor(new ClientOnlyProbe(), (_, _) => { })).RunAsync(props, m, cancellationToken);
            var built = ScenarioStatsBuilder.Build(attack.Description, outcome, m);
            // Seen from here the server and the bystanders are "other processes": not noise worth a warning.
            var attackStats = built with { Resources = built.Resources with { OtherCores = null } };
            output.WriteLine($"  {props.Name}: {attackStats.SessionsOk:#,0} sessions ok, {attackStats.Errors:#,0} ended otherwise");
            return attackStats;
        }));
        var end = ResourceSnapshot.Client(DateTime.UtcNow);
        var report = new AttackerReport
        {
            Attacks = stats,
            ForgedCursorsByStatus = answers.ByStatus,
            ForgedCursorLargestBodyBytes = answers.LargestBodyBytes,
            Cores = end.ClientCoresSince(cpu),
        };
        await File.WriteAllTextAsync(job.ReportFile, JsonSerializer.Serialize(report, AttackerProcess.Json), cancellationToken);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Attackers done, {report.Cores:0.00} cores."));
        return 0;
    }

    /// <summary>The start time the coordinator writes once it has seen this process ready; null when none comes in time.</summary>
    private static async Task<long?> StartTimeAsync(AttackerJob job, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(GoTimeout);
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        try
        {
            while (await poll.WaitForNextTickAsync(timeout.Token))
            {
                if (File.Exists(job.GoFile) && long.TryParse(await File.ReadAllTextAsync(job.GoFile, timeout.Token), NumberStyles.Integer, CultureInfo.InvariantCulture, out long start))
                    return start;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // no start time came
        }
        return null;
    }
}
