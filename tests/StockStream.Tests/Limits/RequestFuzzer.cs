using System.Text;

namespace StockStream.Tests.Limits;

/// <summary>Random and mutated HTTP request lines (method, path, query) from a seeded generator, written as raw bytes.</summary>
public sealed class RequestFuzzer(Random random, IReadOnlyList<string> symbols, string cursor)
{
    private static readonly string[] Methods = ["GET", "GET", "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "FOO"];
    private static readonly string[] Paths = ["/", "/index.html", "/api/poll", "/api/sse", "/api/symbols", "/api/quotes", "/api/history/{s}",
        "/api/candles/{s}", "/healthz", "/metrics", "/ws", "/api/admin/market", "/api", "/api/", "/api/history/", "/api/nothing", "/assets/x.js"];
    private static readonly string[] Keys = ["symbols", "cursor", "timeoutMs", "seconds", "interval", "count", "limit", "symbols[]", ""];
    private static readonly string[] Oddities = ["%00", "%ff", "%C0%AF", "%", "%zz", "..", "../..", "%2e%2e%2f", "-1", "0", "99999999999999999999",
        "1e9", "NaN", "1s", "5s", "1m", "%E2%80%AE", "%ED%A0%80", "AAPL,,", ",", "a b", "\u00e9", "\t"];

    /// <summary>The next request line (without "HTTP/1.1"), and whether its answer may legitimately be held (poll, SSE).</summary>
    public (string Method, string Target) Next()
    {
        string method = Methods[random.Next(Methods.Length)];
        string path = Paths[random.Next(Paths.Length)].Replace("{s}", Value(), StringComparison.Ordinal);
        if (random.Next(8) == 0) path = Mutate(path);
        var query = new StringBuilder();
        for (int i = random.Next(0, 5); i > 0; i--)
            query.Append(query.Length == 0 ? '?' : '&').Append(Keys[random.Next(Keys.Length)]).Append('=').Append(Value());
        string target = path + query;
        if (random.Next(10) == 0) target = Mutate(target);
        return (method, target);
    }

    private string Value() => random.Next(9) switch
    {
        0 => symbols[random.Next(symbols.Count)],
        1 => string.Join(',', Enumerable.Range(0, random.Next(1, 40)).Select(_ => symbols[random.Next(symbols.Count)])),
        2 => cursor,
        3 => Mutate(cursor),
        4 => random.Next(-100, 100_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
        5 => new string('A', random.Next(0, 6_000)),
        6 => Mutate(symbols[random.Next(symbols.Count)]),
        _ => Oddities[random.Next(Oddities.Length)],
    };

    private string Mutate(string text)
    {
        var chars = text.ToCharArray();
        if (chars.Length == 0) return Oddities[random.Next(Oddities.Length)];
        return random.Next(3) switch
        {
            0 => new string(chars[..random.Next(chars.Length)]),
            1 => text.Insert(random.Next(text.Length + 1), Oddities[random.Next(Oddities.Length)]),
            _ => Flip(chars),
        };
    }

    private string Flip(char[] chars)
    {
        int at = random.Next(chars.Length);
        // Printable ASCII only: control bytes would end the request line and test the client, not the server.
        chars[at] = (char)random.Next(0x21, 0x7f);
        return new string(chars);
    }
}
