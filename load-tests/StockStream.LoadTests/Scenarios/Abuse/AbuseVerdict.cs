using System.Globalization;
using StockStream.LoadTests.Metrics;
using StockStream.LoadTests.Thresholds;

namespace StockStream.LoadTests.Scenarios.Abuse;

/// <summary>
/// Judges an abuse run: each bystander transport's tick age under abuse against the same bystanders' quiet baseline
/// (p50 and p99 each within <see cref="MaxAgeRatio"/>), the server's memory growth, and that the server stayed alive.
/// </summary>
public static class AbuseVerdict
{
    /// <summary>How much older a bystander's ticks may arrive under abuse than in the quiet baseline.</summary>
    public const double MaxAgeRatio = 1.2;

    /// <summary>How much the server's peak RSS may grow under abuse over the quiet baseline's peak, MiB.</summary>
    public const double MaxRssGrowthMb = 512;

    /// <summary>One bystander transport: the same clients measured quiet and under abuse.</summary>
    public sealed record Bystander(ScenarioStats Quiet, ScenarioStats Abused);

    public static IReadOnlyList<ThresholdResult> Judge(IReadOnlyList<Bystander> bystanders, bool serverAlive)
    {
        var results = new List<ThresholdResult>();
        foreach (var (quiet, abused) in bystanders)
        {
            results.Add(Ratio("p50", quiet.TickAge.P50Ms).Evaluate(abused));
            results.Add(Ratio("p99", quiet.TickAge.P99Ms).Evaluate(abused));
        }
        if (bystanders.Count > 0)
        {
            var (quiet, abused) = bystanders[0];
            double? baseline = quiet.Resources.ServerRssPeakMb;
            results.Add(new Threshold($"server RSS peak under abuse less the quiet peak ({Mb(baseline)} MiB), MiB",
                s => s.Resources.ServerRssPeakMb is { } peak && baseline is { } b ? peak - b : double.NaN,
                ThresholdComparison.AtMost, MaxRssGrowthMb, "0").Evaluate(abused));
            results.Add(new Threshold("server alive after the abuse (/healthz 200)", _ => serverAlive ? 1 : 0, ThresholdComparison.AtLeast, 1, "0")
                .Evaluate(abused));
        }
        return results;
    }

    /// <summary>Tick age under abuse ÷ quiet at one percentile; not a number (so failing) when either side has no ticks.</summary>
    private static Threshold Ratio(string percentile, double quietMs) =>
        new($"tick age {percentile} ÷ quiet {percentile} ({quietMs.ToString("0.00", CultureInfo.InvariantCulture)} ms)",
            s => quietMs > 0 && s.Ticks > 0 ? (percentile == "p50" ? s.TickAge.P50Ms : s.TickAge.P99Ms) / quietMs : double.NaN,
            ThresholdComparison.AtMost, MaxAgeRatio, "0.00");

    /// <summary>The report's comparison rows: per bystander, p50 and p99 quiet and under abuse and their ratio.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Findings(IReadOnlyList<Bystander> bystanders)
    {
        foreach (var (quiet, abused) in bystanders)
        {
            yield return new($"{abused.Transport}: tick age p50 quiet / abuse (ratio)", Compare(quiet.TickAge.P50Ms, abused.TickAge.P50Ms));
            yield return new($"{abused.Transport}: tick age p99 quiet / abuse (ratio)", Compare(quiet.TickAge.P99Ms, abused.TickAge.P99Ms));
            yield return new($"{abused.Transport}: delivered quiet / abuse, gaps under abuse",
                string.Create(CultureInfo.InvariantCulture, $"{quiet.Delivery.Ratio:P2} / {abused.Delivery.Ratio:P2}, {abused.Delivery.GapTicks} ticks"));
        }
        if (bystanders.Count > 0)
        {
            var (quiet, abused) = bystanders[0];
            yield return new("server RSS quiet: start / peak / end, MiB", Rss(quiet.Resources));
            yield return new("server RSS under abuse: start / peak / end, MiB", Rss(abused.Resources));
            yield return new("server CPU quiet / abuse, cores", string.Create(CultureInfo.InvariantCulture,
                $"{quiet.Resources.ServerCores:0.00} / {abused.Resources.ServerCores:0.00}"));
            yield return new("bystanders' client CPU (this process) quiet / abuse, cores", string.Create(CultureInfo.InvariantCulture,
                $"{quiet.Resources.ClientCores:0.00} / {abused.Resources.ClientCores:0.00}"));
            yield return new("other processes' CPU quiet / abuse, cores", string.Create(CultureInfo.InvariantCulture,
                $"{quiet.Resources.OtherCores:0.00} / {abused.Resources.OtherCores:0.00}"));
        }
    }

    private static string Compare(double quietMs, double abusedMs) => string.Create(CultureInfo.InvariantCulture,
        $"{quietMs:0.00} / {abusedMs:0.00} ms ({(quietMs > 0 ? abusedMs / quietMs : double.NaN):0.00}×)");

    private static string Rss(ResourceUsage r) => $"{Mb(r.ServerRssStartMb)} / {Mb(r.ServerRssPeakMb)} / {Mb(r.ServerRssEndMb)}";

    private static string Mb(double? mb) => mb is { } v ? v.ToString("0", CultureInfo.InvariantCulture) : "n/a";
}
