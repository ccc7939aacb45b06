using Microsoft.AspNetCore.Http.HttpResults;

namespace StockStream.Server.Transports.Http;

/// <summary>RFC 9457 problem answers for bad input, shared by every HTTP endpoint.</summary>
public static class HttpProblems
{
    /// <summary>A 400 naming the problem; <paramref name="extensions"/> carries the offending value for clients.</summary>
    public static ProblemHttpResult BadRequest(string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: title, extensions: extensions);
}
