using System.Globalization;
using StockStream.LoadTests.Metrics;
using StockStream.LoadTests.Thresholds;

namespace StockStream.LoadTests.Scenarios.Abuse;

/// <summary>
/// Judges an abuse run: each bystander transport's tick age under abuse against the same bystanders' quiet baseline
/// (p50 and p99 each within <see cref="MaxAgeRatio"/>, over several rounds their median), the server's memory growth,
/// and that the server stayed alive.
/// </summary>
public static class AbuseVerdict
{
    /// <summary>How much older a bystander's ticks may arrive under abuse than in the quiet baseline.</summary>
    public const double MaxAgeRatio = 1.2;

    /// <summary>How much the server's peak RSS may grow under abuse over the quiet baseline's peak, MiB.</summary>
    public const double MaxRssGrowthMb = 512;

    /// <summary>One bystander transport: the same clients measured quiet and under abuse.</summary>
    public sealed record Bystander(ScenarioStats Quiet, ScenarioStats Abused);

    /// <summary>Judges one round: each of <paramref name="bystanders"/> is one transport's.</summary>
    public static IReadOnlyList<ThresholdResult> Judge(IReadOnlyList<Bystander> bystanders, bool serverAlive) => Judge([bystanders], serverAlive);

    /// <summary>
    /// Judges several rounds against one server: <paramref name="rounds"/>[r][t] is round r's bystander of transport t, the
    /// transports in the same order every round. Each ratio judged is the median over the rounds; memory, the highest
    /// abused peak against the first quiet one.
    /// </summary>
    public static IReadOnlyList<ThresholdResult> Judge(IReadOnlyList<IReadOnlyList<Bystander>> rounds, bool serverAlive)
    {
        var results = new List<ThresholdResult>();
        for (int t = 0; t < rounds[0].Count; t++)
        {
            var transport = rounds.Select(r => r[t]).ToList();
            results.Add(MedianRatio("p50", transport, s => s.TickAge.P50Ms));
            results.Add(MedianRatio("p99", transport, s => s.TickAge.P99Ms));
        }
        if (rounds[0].Count > 0)
        {
            double? baseline = rounds[0][0].Quiet.Resources.ServerRssPeakMb;
            var highest = rounds.Select(r => r[0].Abused).MaxBy(s => s.Resources.ServerRssPeakMb ?? double.MinValue)!;
            results.Add(new Threshold($"server RSS peak under abuse less the quiet peak ({Mb(baseline)} MiB), MiB",
                s => s.Resources.ServerRssPeakMb is { } peak && baseline is { } b ? peak - b : double.NaN,
                ThresholdComparison.AtMost, MaxRssGrowthMb, "0").Evaluate(highest));
            results.Add(new Threshold("server alive after the abuse (/healthz 200)", _ => serverAlive ? 1 : 0, ThresholdComparison.AtLeast, 1, "0")
                .Evaluate(rounds[^1][0].Abused));
        }
        return results;
    }

    /// <summary>
    /// Tick age under abuse ÷ quiet at one percentile, the median over the rounds; not a number (so failing) when a round
    /// has no ticks on either side.
    /// </summary>
    private static ThresholdResult MedianRatio(string percentile, IReadOnlyList<Bystander> rounds, Func<ScenarioStats, double> age)
    {
        var ratios = Ratios(rounds, age);
        double median = Median(ratios);
        string name = rounds.Count == 1
            ? string.Create(CultureInfo.InvariantCulture, $"tick age {percentile} ÷ quiet {percentile} ({age(rounds[0].Quiet):0.00} ms)")
            : string.Create(CultureInfo.InvariantCulture, $"tick age {percentile} ÷ quiet {percentile}, median of {rounds.Count} rounds ({string.Join(" · ", ratios.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))})");
        return new Threshold(name, _ => median, ThresholdComparison.AtMost, MaxAgeRatio, "0.00").Evaluate(rounds[0].Abused);
    }

    /// <summary>Each round's tick age under abuse ÷ quiet; not a number for a round with no ticks on either side.</summary>
    private static List<double> Ratios(IReadOnlyList<Bystander> rounds, Func<ScenarioStats, double> age) =>
        [.. rounds.Select(b => age(b.Quiet) > 0 && b.Abused.Ticks > 0 ? age(b.Abused) / age(b.Quiet) : double.NaN)];

    /// <summary>The median; not a number when any value is not one.</summary>
    internal static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0 || values.Any(double.IsNaN)) return double.NaN;
        double[] sorted = [.. values.Order()];
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>The report's comparison rows: per bystander, p50 and p99 quiet and under abuse and their ratio.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Findings(IReadOnlyList<Bystander> bystanders) => Findings([bystanders]);

    /// <summary>The rows of each round (named after it when there are several) and, over several, each ratio's median and range.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Findings(IReadOnlyList<IReadOnlyList<Bystander>> rounds)
    {
        for (int r = 0; r < rounds.Count; r++)
        {
            string round = rounds.Count == 1 ? "" : $", round {r + 1}";
            foreach (var (quiet, abused) in rounds[r])
            {
                yield return new($"{abused.Transport}: tick age p50 quiet / abuse (ratio){round}", Compare(quiet.TickAge.P50Ms, abused.TickAge.P50Ms));
                yield return new($"{abused.Transport}: tick age p99 quiet / abuse (ratio){round}", Compare(quiet.TickAge.P99Ms, abused.TickAge.P99Ms));
                yield return new($"{abused.Transport}: delivered quiet / abuse, gaps under abuse{round}",
                    string.Create(CultureInfo.InvariantCulture, $"{quiet.Delivery.Ratio:P2} / {abused.Delivery.Ratio:P2}, {abused.Delivery.GapTicks} ticks"));
            }
            if (rounds[r].Count > 0)
            {
                var (quiet, abused) = rounds[r][0];
                yield return new($"server RSS quiet: start / peak / end, MiB{round}", Rss(quiet.Resources));
                yield return new($"server RSS under abuse: start / peak / end, MiB{round}", Rss(abused.Resources));
                yield return new($"server CPU quiet / abuse, cores{round}", string.Create(CultureInfo.InvariantCulture,
                    $"{quiet.Resources.ServerCores:0.00} / {abused.Resources.ServerCores:0.00}"));
                yield return new($"bystanders' client CPU (this process) quiet / abuse, cores{round}", string.Create(CultureInfo.InvariantCulture,
                    $"{quiet.Resources.ClientCores:0.00} / {abused.Resources.ClientCores:0.00}"));
                yield return new($"other processes' CPU quiet / abuse, cores{round}", string.Create(CultureInfo.InvariantCulture,
                    $"{quiet.Resources.OtherCores:0.00} / {abused.Resources.OtherCores:0.00}"));
            }
        }
        if (rounds.Count < 2) yield break;
        for (int t = 0; t < rounds[0].Count; t++)
        {
            var transport = rounds.Select(r => r[t]).ToList();
            yield return new($"{transport[0].Abused.Transport}: tick age ratio p50 / p99, median (range) of {rounds.Count} rounds",
                $"{Spread(transport, s => s.TickAge.P50Ms)} / {Spread(transport, s => s.TickAge.P99Ms)}");
        }
    }

    private static string Spread(IReadOnlyList<Bystander> rounds, Func<ScenarioStats, double> age)
    {
        var ratios = Ratios(rounds, age);
        return string.Create(CultureInfo.InvariantCulture, $"{Median(ratios):0.00}× ({ratios.Min():0.00}–{ratios.Max():0.00})");
    }

    private static string Compare(double quietMs, double abusedMs) => string.Create(CultureInfo.InvariantCulture,
        $"{quietMs:0.00} / {abusedMs:0.00} ms ({(quietMs > 0 ? abusedMs / quietMs : double.NaN):0.00}×)");

    private static string Rss(ResourceUsage r) => $"{Mb(r.ServerRssStartMb)} / {Mb(r.ServerRssPeakMb)} / {Mb(r.ServerRssEndMb)}";

    private static string Mb(double? mb) => mb is { } v ? v.ToString("0", CultureInfo.InvariantCulture) : "n/a";
}
