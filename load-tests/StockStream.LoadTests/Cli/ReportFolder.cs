using StockStream.LoadTests.Server;

namespace StockStream.LoadTests.Cli;

/// <summary>Where runs write their reports and logs: --report-dir, else load-tests/reports in the repository.</summary>
public static class ReportFolder
{
    public static string Root(RunOptions options)
    {
        if (options.ReportDirectory is { } folder) return Path.GetFullPath(folder);
        try { return Path.Combine(RepositoryRoot.Find(), "load-tests", "reports"); }
        catch (InvalidOperationException) { return Path.GetFullPath("load-test-reports"); }
    }
}
