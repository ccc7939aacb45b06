using System.Globalization;

namespace StockStream.Testing;

/// <summary>Reads the Prometheus text format a server's <c>/metrics</c> answers.</summary>
public static class PrometheusText
{
    /// <summary>Sums each metric's samples over their labels: <c>name{labels} value [timestamp]</c> lines, comments skipped.</summary>
    public static Dictionary<string, double> Parse(string text)
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            int nameEnd = line.IndexOfAny(['{', ' ']);
            if (nameEnd <= 0) continue;
            int valueStart = line[nameEnd] == '{' ? line.IndexOf('}', nameEnd) + 2 : nameEnd + 1;
            if (valueStart <= nameEnd || valueStart >= line.Length) continue;
            var value = line[valueStart..].Split(' ')[0];
            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number)) continue;
            var name = line[..nameEnd];
            metrics[name] = metrics.GetValueOrDefault(name) + number;
        }
        return metrics;
    }
}
