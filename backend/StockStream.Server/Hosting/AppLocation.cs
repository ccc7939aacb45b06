namespace StockStream.Server.Hosting;

/// <summary>Where the server's files are, however it was started (<c>dotnet run</c>, or its dll from any folder).</summary>
public static class AppLocation
{
    /// <summary>
    /// The working folder when it holds appsettings.json (as under <c>dotnet run</c>), else the app's own folder,
    /// so settings load even when the dll is started from elsewhere.
    /// </summary>
    public static string ContentRoot() =>
        File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"))
            ? Directory.GetCurrentDirectory()
            : AppContext.BaseDirectory;

    /// <summary>The repository's <c>frontend/</c> folder above <paramref name="start"/> or above the app's folder, if any.</summary>
    public static string? FindFrontend(string start)
    {
        foreach (var origin in new[] { start, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "frontend");
                if (File.Exists(Path.Combine(candidate, "package.json"))) return candidate;
            }
        }
        return null;
    }
}
