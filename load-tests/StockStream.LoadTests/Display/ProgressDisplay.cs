using System.Globalization;
using StockStream.LoadTests.Metrics;

namespace StockStream.LoadTests.Display;

/// <summary>
/// The live view of a run: one status line per scenario sample — which scenario of how many, and about how long the run
/// has left — redrawn in place on a terminal or printed line by line when the output goes to a file or CI log.
/// </summary>
public sealed class ProgressDisplay(bool plain, TextWriter output)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, RunningScenario> _scenarios = new(StringComparer.Ordinal);
    private bool _lineOpen;
    private int _started;
    private TimeSpan _lastLength;

    /// <summary>How many scenarios the run will have (an upper bound for runs that may stop early); null when unknown.</summary>
    public int? PlannedScenarios { get; set; }

    /// <summary>A scenario starts, expected to take <paramref name="length"/>; returns its "n/N" position for messages.</summary>
    public string BeginScenario(string name, TimeSpan length)
    {
        lock (_gate)
        {
            _started++;
            _lastLength = length;
            _scenarios[name] = new RunningScenario(_started, length);
            return Position(_started);
        }
    }

    /// <summary>A scenario has ended: it no longer counts towards the time left.</summary>
    public void EndScenario(string name)
    {
        lock (_gate) _scenarios.Remove(name);
    }

    public void OnSample(string scenario, TimelinePoint p)
    {
        string progress;
        lock (_gate) progress = Progress(scenario, TimeSpan.FromSeconds(p.Seconds));
        var line = string.Create(CultureInfo.InvariantCulture,
            $"[{scenario}{progress}] {p.Seconds,5:0}s  clients {p.Clients,6:#,0}  ticks/s {p.TicksPerSecond,9:#,0}  age p50 {p.P50Ms,7:0.00} ms  p99 {p.P99Ms,8:0.00} ms  " +
            $"errors {p.Errors,4:#,0}  server {Cores(p.ServerCores)} {Mb(p.ServerRssMb)}  client {p.ClientCores:0.00} cores{TimeLeft(scenario, p.Seconds)}");
        lock (_gate)
        {
            if (plain)
            {
                output.WriteLine(line);
                return;
            }
            output.Write($"\r{line}\u001b[K");
            _lineOpen = true;
        }
    }

    /// <summary>Prints a message on its own line, ending any status line being redrawn.</summary>
    public void Message(string message)
    {
        lock (_gate)
        {
            if (_lineOpen) output.WriteLine();
            _lineOpen = false;
            output.WriteLine(message);
        }
    }

    /// <summary>
    /// About how long the run has left: the longest remainder of the scenarios running now (several run side by side in some
    /// commands) plus the scenarios not started yet, each as long as the last one.
    /// </summary>
    public TimeSpan? Remaining(string scenario, TimeSpan elapsed)
    {
        lock (_gate)
        {
            if (!_scenarios.TryGetValue(scenario, out var current)) return null;
            _scenarios[scenario] = current with { Elapsed = elapsed };
            var running = _scenarios.Values.Max(s => s.Length - s.Elapsed);
            int notStarted = Math.Max(0, (PlannedScenarios ?? _started) - _started);
            var left = running + notStarted * _lastLength;
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    private string Progress(string scenario, TimeSpan elapsed) =>
        _scenarios.TryGetValue(scenario, out var s) ? " " + Position(s.Number) : "";

    private string Position(int number) => PlannedScenarios is { } planned && number <= planned ? $"{number}/{planned}" : $"{number}";

    private string TimeLeft(string scenario, double seconds) =>
        Remaining(scenario, TimeSpan.FromSeconds(seconds)) is { } left ? $"  {FormatLeft(left)} left" : "";

    private static string FormatLeft(TimeSpan left) =>
        left.TotalHours >= 1 ? $"{(int)left.TotalHours}h{left.Minutes:00}m" : left.TotalMinutes >= 1 ? $"{(int)left.TotalMinutes}m{left.Seconds:00}s" : $"{(int)left.TotalSeconds}s";

    private static string Cores(double? cores) => cores is { } c ? string.Create(CultureInfo.InvariantCulture, $"{c:0.00} cores") : "n/a";

    private static string Mb(double? mb) => mb is { } m ? string.Create(CultureInfo.InvariantCulture, $"{m:0} MiB") : "";

    private sealed record RunningScenario(int Number, TimeSpan Length)
    {
        public TimeSpan Elapsed { get; init; }
    }
}
