namespace StockStream.Testing;

/// <summary>
/// The settings every server under test runs with, hosted in the test process or as a process of its own: a small,
/// busy market (20 symbols, 2,000 ticks/s published every 2 ms) so ticks come quickly, no web app, quiet logs.
/// </summary>
public static class ServerTestSettings
{
    private static readonly KeyValuePair<string, string?>[] Defaults =
    [
        new("Market:Symbols", "20"),
        new("Market:TicksPerSecond", "2000"),
        new("Market:PublishIntervalMs", "2"),
        new("Frontend:RootPath", "does-not-exist"),
        new("Logging:LogLevel:Default", "Warning"),
    ];

    /// <summary>The defaults with <paramref name="settings"/> added, a setting given there replacing the default.</summary>
    public static Dictionary<string, string?> With(IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        var merged = new Dictionary<string, string?>(Defaults, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in settings ?? []) merged[key] = value;
        return merged;
    }
}
