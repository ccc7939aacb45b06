using System.Globalization;
using StockStream.LoadTests.Metrics;

namespace StockStream.LoadTests.Display;

/// <summary>
/// The live view of a run: one status line per scenario sample, redrawn in place on a terminal
/// or printed line by line when the output goes to a file or CI log.
/// </summary>
public sealed class ProgressDisplay(bool plain, TextWriter output)
{
    private readonly Lock _gate = new();
    private bool _lineOpen;

    public void OnSample(string scenario, TimelinePoint p)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"[{scenario}] {p.Seconds,5:0}s  clients {p.Clients,6}  ticks/s {p.TicksPerSecond,9:0}  age p50 {p.P50Ms,7:0.00} ms  p99 {p.P99Ms,8:0.00} ms  " +
            $"errors {p.Errors,4}  server {Cores(p.ServerCores)} {Mb(p.ServerRssMb)}  client {p.ClientCores:0.00} cores");
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

    private static string Cores(double? cores) => cores is { } c ? string.Create(CultureInfo.InvariantCulture, $"{c:0.00} cores") : "n/a";

    private static string Mb(double? mb) => mb is { } m ? string.Create(CultureInfo.InvariantCulture, $"{m:0} MiB") : "";
}
