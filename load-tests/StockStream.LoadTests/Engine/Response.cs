namespace StockStream.LoadTests.Engine;

/// <summary>How one run of a scenario step ended, as NBomber's <c>Response.Ok()</c> / <c>Response.Fail()</c>.</summary>
public sealed record Response(bool IsOk, string? Error)
{
    public static Response Ok() => new(true, null);

    public static Response Fail(string error) => new(false, error);
}
