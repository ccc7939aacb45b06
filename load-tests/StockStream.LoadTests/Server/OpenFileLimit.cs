using System.Globalization;

namespace StockStream.LoadTests.Server;

/// <summary>The open-file limit of this process (the soft limit of <c>/proc/self/limits</c>), which every child inherits.</summary>
public static class OpenFileLimit
{
    /// <summary>The limit this tool assumes where it cannot be read.</summary>
    public const long Fallback = 20_000;

    public static long Current()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/limits"))
            {
                if (!line.StartsWith("Max open files", StringComparison.Ordinal)) continue;
                var fields = line["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out long soft) ? soft : Fallback;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // not Linux: assume the usual limit
        }
        return Fallback;
    }
}
