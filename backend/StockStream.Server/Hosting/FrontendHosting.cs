using Microsoft.AspNetCore.SpaServices;

namespace StockStream.Server.Hosting;

/// <summary>Serves the built React app, or proxies to the Vite dev server in Development.</summary>
public static class FrontendHosting
{
    public static WebApplicationBuilder AddFrontend(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<FrontendOptions>().BindConfiguration(FrontendOptions.SectionName);
        string root = BuiltAppFolder(builder.Configuration, builder.Environment);
        builder.Services.AddSpaStaticFiles(spa => spa.RootPath = root);
        return builder;
    }

    /// <summary>Where <c>dotnet publish</c> puts the built app, beside the server's dll.</summary>
    public const string PublishedAppFolder = "wwwroot";

    private static string BuiltAppFolder(IConfiguration configuration, IWebHostEnvironment environment)
    {
        string configured = configuration[$"{FrontendOptions.SectionName}:{nameof(FrontendOptions.RootPath)}"] ?? "";
        if (configured.Length > 0) return configured;
        // A published server serves the app it was published with, even when its folder lies inside a repository.
        if (File.Exists(Path.Combine(environment.ContentRootPath, PublishedAppFolder, "index.html"))) return PublishedAppFolder;
        return AppLocation.FindFrontend(environment.ContentRootPath) is { } frontend ? Path.Combine(frontend, "dist") : PublishedAppFolder;
    }

    /// <summary>Terminal: every API and WebSocket endpoint must be mapped before this.</summary>
    public static void UseFrontend(this WebApplication app)
    {
        var options = app.Configuration.GetSection(FrontendOptions.SectionName).Get<FrontendOptions>() ?? new();
        string root = BuiltAppFolder(app.Configuration, app.Environment);
        app.UseSpaStaticFiles();
        // Endpoints must win over the SPA fallback, so routing runs before UseSpa. A known path asked with another
        // method gets routing's own 405 with Allow (a catch-all endpoint here would turn it into a 404).
        app.UseRouting();
        app.UseEndpoints(_ => { });
        app.Use(SpaRequests.RefuseWhatThePageCannotAnswer);

        bool proxy = app.Environment.IsDevelopment() && options.DevServerUrl.Length > 0;
        string indexPath = Path.Combine(app.Environment.ContentRootPath, root, "index.html");
        if (!proxy && !File.Exists(indexPath))
        {
            app.Run(context => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
                detail: "The web app is not built: run `npm run build` (or `npm start`).").ExecuteAsync(context));
            return;
        }
        app.UseSpa(spa =>
        {
            spa.Options.SourcePath = Path.GetDirectoryName(Path.GetFullPath(Path.Combine(app.Environment.ContentRootPath, root)));
            if (proxy) spa.UseProxyToSpaDevelopmentServer(options.DevServerUrl);
        });
    }
}
