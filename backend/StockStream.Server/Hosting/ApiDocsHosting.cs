using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace StockStream.Server.Hosting;

/// <summary>
/// The OpenAPI document of the HTTP endpoints (<c>/openapi/v1.json</c>), a reference page to browse it (<c>/scalar</c>),
/// and the AsyncAPI document of the WebSocket protocol that page links (<c>/docs/asyncapi.yaml</c>).
/// </summary>
public static class ApiDocsHosting
{
    public const string AsyncApiPath = "/docs/asyncapi.yaml";

    public static WebApplicationBuilder AddApiDocs(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "StockStream HTTP API";
                document.Info.Description = "Long polling, Server-Sent Events and market data. " +
                    $"The WebSocket protocol is described in [{AsyncApiPath}]({AsyncApiPath}) (AsyncAPI).";
                return Task.CompletedTask;
            });
            // The handlers take symbols as optional so that a missing list gets their own 400 naming the problem;
            // the contract still requires it.
            options.AddOperationTransformer((operation, _, _) =>
            {
                foreach (var parameter in operation.Parameters ?? [])
                    if (parameter is OpenApiParameter { Name: "symbols", In: ParameterLocation.Query } symbols) symbols.Required = true;
                return Task.CompletedTask;
            });
        });
        return builder;
    }

    public static void MapApiDocs(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference(options => options.WithTitle("StockStream API"));
        app.MapGet(AsyncApiPath, () => Results.Stream(OpenAsyncApi(), "application/yaml")).ExcludeFromDescription();
    }

    private static Stream OpenAsyncApi() =>
        typeof(ApiDocsHosting).Assembly.GetManifestResourceStream("asyncapi.yaml")
        ?? throw new InvalidOperationException("asyncapi.yaml is not embedded in the server.");
}
