using System.Globalization;

namespace StockStream.LoadTests.Server;

/// <summary>CPU time all processes of this machine have used, from the first line of <c>/proc/stat</c>; null where there is none.</summary>
public static class MachineCpu
{
    private const double ClockTicksPerSecond = 100;

    public static TimeSpan? BusyTime()
    {
        try
        {
            using var reader = new StreamReader("/proc/stat");
            return ParseBusy(reader.ReadLine() ?? "");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>user + nice + system + irq + softirq + steal of the <c>cpu</c> line (idle and iowait are not busy).</summary>
    public static TimeSpan? ParseBusy(string cpuLine)
    {
        var fields = cpuLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 9 || fields[0] != "cpu") return null;
        long busy = 0;
        foreach (int i in (int[])[1, 2, 3, 6, 7, 8]) busy += long.Parse(fields[i], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(busy / ClockTicksPerSecond);
    }
}
