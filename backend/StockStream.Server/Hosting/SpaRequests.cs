namespace StockStream.Server.Hosting;

/// <summary>
/// What reaches the web app's fallback but is no page: an unknown API path (404 problem, never index.html) and any
/// method but GET and HEAD (405 problem with Allow; the SPA middleware would throw and answer 500).
/// </summary>
public static class SpaRequests
{
    private const string PageMethods = "GET, HEAD";

    public static Task RefuseWhatThePageCannotAnswer(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
            return Problem(context, StatusCodes.Status404NotFound, "No such API endpoint.");
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.Headers.Allow = PageMethods;
            return Problem(context, StatusCodes.Status405MethodNotAllowed, $"The web app's pages answer only {PageMethods}.");
        }
        return next(context);
    }

    private static Task Problem(HttpContext context, int status, string detail) =>
        TypedResults.Problem(statusCode: status, detail: detail).ExecuteAsync(context);
}
