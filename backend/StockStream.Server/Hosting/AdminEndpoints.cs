using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using StockStream.Protocol;
using StockStream.Server.Backplane;
using StockStream.Server.Transports.Http;

namespace StockStream.Server.Hosting;

/// <summary>
/// <c>POST /api/admin/market</c>: opens, closes or halts the market for everyone (WebSocket MarketStatus, SSE
/// <c>market</c> events, held polls answered). Guarded by the bearer token of <see cref="AdminOptions"/>.
/// </summary>
public static class AdminEndpoints
{
    public static WebApplicationBuilder AddAdmin(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.SectionName);
        return builder;
    }

    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/admin/market", SetMarketStateAsync)
            .WithTags("Admin")
            .WithSummary("Sets the market state; needs `Authorization: Bearer <Admin:Token>`.")
            .Accepts<MarketStateChange>("application/json");
        return app;
    }

    private static async Task<Results<Ok<MarketStateChange>, ProblemHttpResult>> SetMarketStateAsync(
        HttpContext context, ITickBackplane backplane, IOptions<AdminOptions> options, ILogger<AdminOptions> logger)
    {
        if (Authorize(context.Request, options.Value.Token) is { } refusal)
        {
            AdminLog.Refused(logger, refusal.StatusCode, refusal.ProblemDetails.Detail ?? "");
            return refusal;
        }
        MarketStateChange? change = null;
        try
        {
            change = await context.Request.ReadFromJsonAsync<MarketStateChange>(context.RequestAborted);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Malformed JSON, or not JSON at all: answered below like a missing state.
        }
        if (!MarketStateNames.TryParse(change?.State, out var state))
            return HttpProblems.BadRequest("Invalid market state", "The body must be {\"state\": \"open\" | \"closed\" | \"halted\"}.");
        try
        {
            await backplane.SetMarketStateAsync(state, context.RequestAborted);
        }
        catch (BackplaneUnavailableException e)
        {
            return TypedResults.Problem(detail: e.Message, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        AdminLog.MarketStateSet(logger, state);
        return TypedResults.Ok(new MarketStateChange(state.ToWire()));
    }

    /// <summary>Null when the request carries the configured token; else the 401 or 403 to answer.</summary>
    private static ProblemHttpResult? Authorize(HttpRequest request, string token)
    {
        if (token.Length == 0)
            return Problem(StatusCodes.Status403Forbidden, "Admin endpoints are disabled: no Admin:Token is configured.");
        string header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return Problem(StatusCodes.Status401Unauthorized, "Send the admin token as 'Authorization: Bearer <token>'.");
        }
        var given = Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim());
        return CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes(token))
            ? null
            : Problem(StatusCodes.Status403Forbidden, "The admin token is not valid.");
    }

    private static ProblemHttpResult Problem(int status, string detail) => TypedResults.Problem(detail: detail, statusCode: status);
}
