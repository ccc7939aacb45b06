using System.Globalization;
using System.Net;
using System.Text;

namespace StockStream.LoadTests.Reports;

/// <summary>Draws line and bar charts as inline SVG, so a report is one self-contained HTML file.</summary>
public static class SvgChart
{
    private const int Width = 760, Height = 320, Left = 64, Right = 170, Top = 34, Bottom = 44;
    private static readonly string[] Palette = ["#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c", "#0891b2", "#4b5563", "#ca8a04"];

    /// <summary>Maps a percentile to the "nines" axis: 90 % → 1, 99 % → 2, 99.9 % → 3.</summary>
    public static double Nines(double percentile) => -Math.Log10(Math.Max(1 - percentile / 100, 1e-6));

    /// <summary>A line chart; with <paramref name="ninesAxis"/> the x values are percentiles drawn on a log-of-nines scale.</summary>
    public static string Line(string title, string xLabel, string yLabel, IReadOnlyList<ChartSeries> series, bool ninesAxis = false)
    {
        var all = series.SelectMany(s => s.Points).Select(p => (X: ninesAxis ? Nines(p.X) : p.X, p.Y)).ToList();
        if (all.Count == 0) return "";
        double xMin = ninesAxis ? 0 : all.Min(p => p.X), xMax = Math.Max(all.Max(p => p.X), xMin + 1e-9);
        double yMax = NiceCeiling(all.Max(p => p.Y));
        var svg = Open(title);
        var xTicks = ninesAxis
            ? new[] { 0.0, 90, 99, 99.9, 99.99, 99.999 }.Select(p => (Nines(p), $"{p.ToString("0.###", CultureInfo.InvariantCulture)}%")).Where(t => t.Item1 <= xMax + 1e-9)
            : RoundTicks(xMin, xMax).Select(x => (x, Num(x)));
        Axes(svg, xLabel, yLabel, yMax, xTicks.Select(t => (X(t.Item1, xMin, xMax), t.Item2)));
        for (int i = 0; i < series.Count; i++)
        {
            var color = Palette[i % Palette.Length];
            var points = series[i].Points.Select(p => $"{Num(X(ninesAxis ? Nines(p.X) : p.X, xMin, xMax))},{Num(Y(p.Y, yMax))}");
            svg.Append($"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" points=\"{string.Join(' ', points)}\"/>");
            Legend(svg, i, series[i].Name, color);
        }
        return svg.Append("</svg>").ToString();
    }

    public static string Bars(string title, string yLabel, IReadOnlyList<(string Label, double Value)> bars)
    {
        if (bars.Count == 0) return "";
        double yMax = NiceCeiling(bars.Max(b => b.Value));
        var svg = Open(title);
        double slot = (double)(Width - Left - Right) / bars.Count;
        Axes(svg, "", yLabel, yMax, bars.Select((b, i) => (Left + slot * (i + 0.5), b.Label)));
        for (int i = 0; i < bars.Count; i++)
        {
            double y = Y(bars[i].Value, yMax);
            svg.Append($"<rect x=\"{Num(Left + slot * i + slot * 0.2)}\" y=\"{Num(y)}\" width=\"{Num(slot * 0.6)}\" height=\"{Num(Height - Bottom - y)}\" fill=\"{Palette[i % Palette.Length]}\"/>");
            svg.Append($"<text x=\"{Num(Left + slot * (i + 0.5))}\" y=\"{Num(y - 4)}\" text-anchor=\"middle\">{Num(bars[i].Value)}</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Open(string title) => new StringBuilder()
        .Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" font-family=\"sans-serif\" font-size=\"11\" role=\"img\">")
        .Append($"<title>{Escape(title)}</title><text x=\"{Left}\" y=\"18\" font-size=\"14\" font-weight=\"bold\">{Escape(title)}</text>");

    private static void Axes(StringBuilder svg, string xLabel, string yLabel, double yMax, IEnumerable<(double X, string Label)> xTicks)
    {
        svg.Append($"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - Right}\" y2=\"{Height - Bottom}\" stroke=\"#333\"/>");
        svg.Append($"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\" stroke=\"#333\"/>");
        for (int i = 0; i <= 4; i++)
        {
            double value = yMax * i / 4, y = Y(value, yMax);
            svg.Append($"<line x1=\"{Left}\" y1=\"{Num(y)}\" x2=\"{Width - Right}\" y2=\"{Num(y)}\" stroke=\"#e5e7eb\"/>");
            svg.Append($"<text x=\"{Left - 6}\" y=\"{Num(y + 4)}\" text-anchor=\"end\">{Num(value)}</text>");
        }
        foreach (var (x, label) in xTicks)
            svg.Append($"<text x=\"{Num(x)}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{Escape(label)}</text>");
        svg.Append($"<text x=\"{(Left + Width - Right) / 2}\" y=\"{Height - 6}\" text-anchor=\"middle\">{Escape(xLabel)}</text>");
        svg.Append($"<text transform=\"translate(14 {(Top + Height - Bottom) / 2}) rotate(-90)\" text-anchor=\"middle\">{Escape(yLabel)}</text>");
    }

    private static void Legend(StringBuilder svg, int index, string name, string color)
    {
        int y = Top + 8 + index * 18;
        svg.Append($"<rect x=\"{Width - Right + 12}\" y=\"{y - 8}\" width=\"12\" height=\"4\" fill=\"{color}\"/>");
        svg.Append($"<text x=\"{Width - Right + 30}\" y=\"{y}\">{Escape(name)}</text>");
    }

    private static double X(double x, double min, double max) => Left + (x - min) / (max - min) * (Width - Left - Right);

    private static double Y(double y, double max) => Height - Bottom - y / max * (Height - Top - Bottom);

    /// <summary>About five axis ticks on round values (multiples of 1, 2 or 5 × 10^n) between min and max.</summary>
    public static IEnumerable<double> RoundTicks(double min, double max)
    {
        double step = NiceCeiling((max - min) / 5);
        for (double x = Math.Ceiling(min / step) * step; x <= max + step * 1e-9; x += step) yield return x;
    }

    /// <summary>The smallest 1, 2 or 5 × 10^n at or above the value, so axis labels are round.</summary>
    public static double NiceCeiling(double value)
    {
        if (value <= 0 || double.IsNaN(value)) return 1;
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (double step in new[] { 1.0, 2, 5, 10 })
        {
            if (step * magnitude >= value) return step * magnitude;
        }
        return 10 * magnitude;
    }

    private static string Num(double value) => value.ToString(Math.Abs(value) >= 100 ? "0" : "0.##", CultureInfo.InvariantCulture);

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
