using System.Globalization;

namespace StockStream.LoadTests.Server;

/// <summary>Reads a local process's CPU time from <c>/proc/&lt;pid&gt;/stat</c> and its resident memory from <c>/proc/&lt;pid&gt;/status</c>.</summary>
public sealed class ProcStatProbe(int processId) : IServerProbe
{
    // USER_HZ is 100 on every Linux architecture .NET runs on.
    private const double ClockTicksPerSecond = 100;

    public string Source => $"/proc/{processId}";

    public Task<ResourceSnapshot> SampleAsync(CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        try
        {
            return Task.FromResult(ResourceSnapshot.Client(now, ParseCpu(File.ReadAllText($"/proc/{processId}/stat")),
                ParseRss(File.ReadAllText($"/proc/{processId}/status"))));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Task.FromResult(ResourceSnapshot.Client(now)); // the process has exited
        }
    }

    /// <summary>utime + stime: fields 14 and 15, counted after the parenthesised command name (which may hold spaces).</summary>
    public static TimeSpan ParseCpu(string stat)
    {
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        long ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / ClockTicksPerSecond);
    }

    /// <summary>The <c>VmRSS:</c> line, in bytes.</summary>
    public static long? ParseRss(string status)
    {
        foreach (var line in status.Split('\n'))
        {
            if (!line.StartsWith("VmRSS:", StringComparison.Ordinal)) continue;
            var kb = line["VmRSS:".Length..].Trim().Split(' ')[0];
            return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
        }
        return null;
    }
}
