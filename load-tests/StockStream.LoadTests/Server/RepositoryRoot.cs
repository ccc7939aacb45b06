namespace StockStream.LoadTests.Server;

/// <summary>Finds the repository (the folder holding StockStream.sln) from the working directory or the tool's own location.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "StockStream.sln"))) return dir.FullName;
            }
        }
        throw new InvalidOperationException("StockStream.sln not found above the working directory; run from the repository or pass --url.");
    }
}
