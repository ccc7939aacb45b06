using System.Globalization;

namespace StockStream.LoadTests.Reports;

/// <summary>How numbers appear in the reports: invariant culture, thousands separated (1,234,567), units stated by the column.</summary>
public static class MetricFormat
{
    public static string Ms(double value) => Number(value, value >= 100 ? "0" : "0.00");

    /// <summary>The value in a format such as <c>0</c> or <c>0.00</c>, its integer digits grouped by thousands.</summary>
    public static string Number(double value, string format = "0") =>
        value.ToString(format.StartsWith('0') ? "#," + format : format, CultureInfo.InvariantCulture);

    public static string Percent(double ratio) => (ratio * 100).ToString("0.00", CultureInfo.InvariantCulture) + " %";

    public static string Optional(double? value, string format = "0.00") => value is { } v ? Number(v, format) : "n/a";

    public static string Bytes(long bytes) => bytes switch
    {
        >= 1L << 30 => (bytes / (double)(1L << 30)).ToString("0.00", CultureInfo.InvariantCulture) + " GiB",
        >= 1L << 20 => (bytes / (double)(1L << 20)).ToString("0.00", CultureInfo.InvariantCulture) + " MiB",
        >= 1L << 10 => (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KiB",
        _ => bytes.ToString("#,0", CultureInfo.InvariantCulture) + " B",
    };
}
