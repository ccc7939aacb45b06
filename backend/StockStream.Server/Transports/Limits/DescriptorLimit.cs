using System.Globalization;

namespace StockStream.Server.Transports.Limits;

/// <summary>The process's open-file limit (RLIMIT_NOFILE, soft), read from <c>/proc/self/limits</c>.</summary>
public static class DescriptorLimit
{
    private const string LimitsFile = "/proc/self/limits";

    /// <summary>The soft limit, or null where the platform does not say (not Linux, or unlimited).</summary>
    public static long? Read() => File.Exists(LimitsFile) ? Parse(File.ReadAllLines(LimitsFile)) : null;

    /// <summary>Reads the "Max open files" row: name, soft limit, hard limit, unit.</summary>
    public static long? Parse(IEnumerable<string> lines)
    {
        foreach (string line in lines)
        {
            if (!line.StartsWith("Max open files", StringComparison.Ordinal)) continue;
            string[] columns = line["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return columns.Length > 0 && long.TryParse(columns[0], NumberStyles.None, CultureInfo.InvariantCulture, out long soft) ? soft : null;
        }
        return null;
    }
}
