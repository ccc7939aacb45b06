namespace StockStream.Server.Hosting;

/// <summary>Where the React app lives.</summary>
public sealed class FrontendOptions
{
    public const string SectionName = "Frontend";

    /// <summary>
    /// Folder of the built app, absolute or relative to the content root. Default: the published app's wwwroot
    /// (<c>dotnet publish</c>), else the repository's frontend/dist.
    /// </summary>
    public string RootPath { get; set; } = "";

    /// <summary>Vite dev server proxied in Development; empty to serve the built app. Default http://localhost:5173.</summary>
    public string DevServerUrl { get; set; } = "http://localhost:5173";
}
