using Scalar.AspNetCore;

namespace StockStream.Server.Hosting;

/// <summary>The OpenAPI document of the HTTP endpoints (<c>/openapi/v1.json</c>) and a reference page to browse it (<c>/scalar</c>).</summary>
public static class ApiDocsHosting
{
    public static WebApplicationBuilder AddApiDocs(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "StockStream HTTP API";
            document.Info.Description = "Long polling, Server-Sent Events and market data. The WebSocket protocol is in docs/asyncapi.yaml.";
            return Task.CompletedTask;
        }));
        return builder;
    }

    public static void MapApiDocs(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference(options => options.WithTitle("StockStream API"));
    }
}
