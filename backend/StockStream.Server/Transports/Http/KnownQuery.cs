namespace StockStream.Server.Transports.Http;

/// <summary>
/// An endpoint filter refusing query parameters the endpoint does not take, so a misspelt or invented one
/// (<c>?limit=-1</c> on history) is a 400 naming it rather than silently ignored.
/// </summary>
public static class KnownQuery
{
    public static TBuilder AcceptsOnlyQuery<TBuilder>(this TBuilder builder, params string[] names) where TBuilder : IEndpointConventionBuilder
    {
        var known = new HashSet<string>(names, StringComparer.OrdinalIgnoreCase);
        string accepted = names.Length == 0 ? "none" : string.Join(", ", names);
        return builder.AddEndpointFilter((context, next) =>
        {
            foreach (string key in context.HttpContext.Request.Query.Keys)
            {
                if (known.Contains(key)) continue;
                return ValueTask.FromResult<object?>(HttpProblems.BadRequest("Unknown parameter",
                    $"'{key}' is not a parameter of this endpoint; it takes: {accepted}.",
                    new Dictionary<string, object?> { ["parameter"] = key }));
            }
            return next(context);
        });
    }
}
