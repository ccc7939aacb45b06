using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using StockStream.LoadTests.Agents;
using StockStream.Protocol;
using StockStream.Testing;

namespace StockStream.LoadTests.Scenarios.Abuse;

/// <summary>
/// The attackers' own process (<see cref="AttackerCommand"/>), started under <c>nice</c> so that, like the other machines
/// real attackers are, their client CPU does not delay the bystanders; the server's cost of refusing them stays in full.
/// </summary>
public sealed class AttackerProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private readonly ChildProcess _process;
    private readonly AttackerJob _job;

    private AttackerProcess(ChildProcess process, AttackerJob job)
    {
        _process = process;
        _job = job;
    }

    public int Id => _process.Id;

    /// <summary>How jobs and reports are written: as the agents' are, and a statistic of nothing (NaN) survives the trip.</summary>
    public static readonly JsonSerializerOptions Json = new(AgentJson.Options) { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>How the process is started: the load tool's own assembly, under <c>nice -n</c> unless <paramref name="nice"/> is 0.</summary>
    public static ProcessStartInfo StartInfo(string jobFile, int nice)
    {
        string[] tool = ["dotnet", typeof(AttackerProcess).Assembly.Location, AttackerCommand.Name, "--job", jobFile];
        return nice == 0 ? new ProcessStartInfo(tool[0], tool[1..]) : new ProcessStartInfo("nice", ["-n", nice.ToString(CultureInfo.InvariantCulture), .. tool]);
    }

    /// <summary>Writes the job into <paramref name="folder"/>, starts the process and waits until it is ready to attack.</summary>
    public static async Task<AttackerProcess> StartAsync(AttackerJob job, int nice, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        string jobFile = Path.Combine(folder, $"{job.Phase}-attackers.json");
        await File.WriteAllTextAsync(jobFile, JsonSerializer.Serialize(job, Json), cancellationToken);
        var process = await ChildProcess.StartAsync(StartInfo(jobFile, nice), Path.Combine(folder, $"{job.Phase}-attackers.log"), "The attackers' process",
            _ => Task.FromResult(File.Exists(job.ReadyFile)), ReadyTimeout, cancellationToken);
        return new AttackerProcess(process, job);
    }

    /// <summary>A job whose ready, go and report files are in <paramref name="folder"/>.</summary>
    public static AttackerJob Job(string folder, string phase, Uri baseAddress, IReadOnlyList<string> symbols, IReadOnlyList<string> attacks, TimeSpan during,
        long clockOffsetMicros) => new()
        {
            BaseAddress = baseAddress,
            Symbols = symbols,
            Attacks = attacks,
            Phase = phase,
            Seconds = during.TotalSeconds,
            ClockOffsetMicros = clockOffsetMicros,
            ReadyFile = Path.Combine(folder, $"{phase}-attackers.ready"),
            GoFile = Path.Combine(folder, $"{phase}-attackers.go"),
            ReportFile = Path.Combine(folder, $"{phase}-attackers.report.json"),
        };

    /// <summary>Tells the process to start <paramref name="delay"/> from now; returns that moment, µs since the epoch.</summary>
    public async Task<long> GoAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        long start = UnixTime.NowMicroseconds() + (long)delay.TotalMicroseconds;
        string temporary = _job.GoFile + ".tmp";
        await File.WriteAllTextAsync(temporary, start.ToString(CultureInfo.InvariantCulture), cancellationToken);
        File.Move(temporary, _job.GoFile, overwrite: true); // whole or not at all
        return start;
    }

    /// <summary>Waits for the process to finish its attacks and reads what it measured.</summary>
    public async Task<AttackerReport> ReportAsync(TimeSpan timeout)
    {
        int exitCode;
        try
        {
            exitCode = await _process.WaitForExitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"The attackers' process did not finish within {timeout.TotalSeconds:0} s of the bystanders: see {_job.Phase}-attackers.log.");
        }
        if (exitCode != 0 || !File.Exists(_job.ReportFile))
            throw new InvalidOperationException($"The attackers' process exited with code {exitCode} without a report: see {_job.Phase}-attackers.log.");
        return JsonSerializer.Deserialize<AttackerReport>(await File.ReadAllTextAsync(_job.ReportFile), Json)
            ?? throw new InvalidOperationException("The attackers' process wrote an empty report.");
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
