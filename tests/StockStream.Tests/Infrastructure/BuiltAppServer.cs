namespace StockStream.Tests.Infrastructure;

/// <summary>The server with a stand-in built web app (one index.html in a temporary folder), so the SPA fallback runs.</summary>
public sealed class BuiltAppServer() : StockStreamServer(new Dictionary<string, string?> { ["Frontend:RootPath"] = AppFolder.Value })
{
    public const string PageMarker = "stockstream-test-page";

    private static readonly Lazy<string> AppFolder = new(() =>
    {
        string folder = Directory.CreateTempSubdirectory("stockstream-app-").FullName;
        File.WriteAllText(Path.Combine(folder, "index.html"), $"<!doctype html><title>{PageMarker}</title>");
        return folder;
    });
}
