namespace StockStream.Server.Hosting;

/// <summary>Where the React app lives.</summary>
public sealed class FrontendOptions
{
    public const string SectionName = "Frontend";

    /// <summary>Folder of the built app, relative to the content root. Default ../../frontend/dist.</summary>
    public string RootPath { get; set; } = "../../frontend/dist";

    /// <summary>Folder of the app's sources, relative to the content root. Default ../../frontend.</summary>
    public string SourcePath { get; set; } = "../../frontend";

    /// <summary>Vite dev server proxied in Development; empty to serve the built app. Default http://localhost:5173.</summary>
    public string DevServerUrl { get; set; } = "http://localhost:5173";
}
