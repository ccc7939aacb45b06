using System.Globalization;

namespace StockStream.LoadTests.Cli;

/// <summary>Reads durations written as <c>500ms</c>, <c>10s</c>, <c>2m</c> or a plain number of seconds.</summary>
public static class DurationParser
{
    /// <summary>Longer durations (a year) are refused rather than overflowing.</summary>
    private const double MaxSeconds = 365 * 24 * 3600;

    public static bool TryParse(string text, out TimeSpan duration)
    {
        text = text.Trim();
        var (number, unit) = text.EndsWith("ms", StringComparison.OrdinalIgnoreCase) ? (text[..^2], 0.001)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : text.EndsWith('m') ? (text[..^1], 60.0)
            : text.EndsWith('h') ? (text[..^1], 3600.0)
            : (text, 1.0);
        bool ok = double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value >= 0 && value * unit <= MaxSeconds;
        duration = ok ? TimeSpan.FromSeconds(value * unit) : default;
        return ok;
    }

    public static string Format(TimeSpan duration) =>
        duration.TotalMinutes >= 1 && duration.Seconds == 0 && duration.Milliseconds == 0 ? $"{duration.TotalMinutes:0}m"
        : duration.TotalSeconds >= 1 ? $"{duration.TotalSeconds:0.###}s" : $"{duration.TotalMilliseconds:0}ms";
}
