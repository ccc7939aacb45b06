using Microsoft.AspNetCore.SpaServices;

namespace StockStream.Server.Hosting;

/// <summary>Serves the built React app, or proxies to the Vite dev server in Development.</summary>
public static class FrontendHosting
{
    public static WebApplicationBuilder AddFrontend(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<FrontendOptions>().BindConfiguration(FrontendOptions.SectionName).ValidateOnStart();
        var options = builder.Configuration.GetSection(FrontendOptions.SectionName).Get<FrontendOptions>() ?? new();
        builder.Services.AddSpaStaticFiles(spa => spa.RootPath = options.RootPath);
        return builder;
    }

    /// <summary>Terminal: map every API and WebSocket endpoint before this.</summary>
    public static void UseFrontend(this WebApplication app)
    {
        var options = app.Configuration.GetSection(FrontendOptions.SectionName).Get<FrontendOptions>() ?? new();
        app.UseSpaStaticFiles();
        // Endpoints must win over the SPA fallback, so routing runs before UseSpa.
        app.UseRouting();
        app.UseEndpoints(_ => { });
        app.UseSpa(spa =>
        {
            spa.Options.SourcePath = options.SourcePath;
            if (app.Environment.IsDevelopment() && options.DevServerUrl is { Length: > 0 } devServer)
                spa.UseProxyToSpaDevelopmentServer(devServer);
        });
    }
}
