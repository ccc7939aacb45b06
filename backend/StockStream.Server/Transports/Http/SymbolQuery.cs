using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;
using StockStream.Protocol;
using StockStream.Server.Streaming;

namespace StockStream.Server.Transports.Http;

/// <summary>
/// Resolves <c>?symbols=AAPL,MSFT</c> (or one path symbol) to feeds, or to the 400 problem that names what is wrong:
/// its <c>symbols</c> member lists every bad symbol with its reason, its <c>maxSymbols</c> member states the limit
/// when more symbols were asked than one request may hold.
/// </summary>
public static class SymbolQuery
{
    public static bool TryResolveList(TickHub hub, string? list, out SymbolFeed[] feeds, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        feeds = [];
        string[] symbols = SymbolName.SplitList(list);
        if (symbols.Length == 0)
        {
            problem = HttpProblems.BadRequest("Missing symbols", "Name at least one symbol, e.g. ?symbols=AAPL,MSFT.");
            return false;
        }
        // Insertion-ordered and duplicate-free: "AAPL,AAPL" is one symbol.
        var resolved = new List<SymbolFeed>(Math.Min(symbols.Length, hub.MaxSymbols + 1));
        var seen = new HashSet<int>();
        var rejected = new List<SymbolRejection>();
        foreach (string symbol in symbols)
        {
            if (Resolve(hub, symbol) is { } feed) { if (seen.Add(feed.Id)) resolved.Add(feed); }
            else if (!rejected.Exists(r => r.Symbol == symbol)) rejected.Add(Rejection(hub, symbol));
        }
        bool tooMany = resolved.Count > hub.MaxSymbols;
        if (rejected.Count > 0) problem = BadSymbols(rejected, tooMany ? hub.MaxSymbols : null);
        else if (tooMany)
            problem = HttpProblems.BadRequest("Too many symbols", $"At most {hub.MaxSymbols} symbols per request.",
                new Dictionary<string, object?> { ["maxSymbols"] = hub.MaxSymbols });
        else
        {
            feeds = [.. resolved];
            problem = null;
        }
        return problem is null;
    }

    public static bool TryResolveOne(TickHub hub, string symbol, [NotNullWhen(true)] out SymbolFeed? feed, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        feed = Resolve(hub, symbol);
        problem = feed is null ? BadSymbols([Rejection(hub, symbol)], null) : null;
        return feed is not null;
    }

    private static SymbolFeed? Resolve(TickHub hub, string symbol) =>
        SymbolName.IsValid(symbol) && hub.TryGetFeed(symbol, out var feed) ? feed : null;

    private static SymbolRejection Rejection(TickHub hub, string symbol) =>
        new(symbol, SymbolName.IsValid(symbol) ? SymbolRejection.UnknownSymbol : SymbolRejection.InvalidSymbol);

    private static ProblemHttpResult BadSymbols(List<SymbolRejection> rejected, int? maxSymbols)
    {
        var first = rejected[0];
        string title = rejected.TrueForAll(r => r.Reason == first.Reason)
            ? first.Reason == SymbolRejection.InvalidSymbol ? "Invalid symbol" : "Unknown symbol"
            : "Invalid and unknown symbols";
        var parts = rejected.Select(r => r.Reason == SymbolRejection.InvalidSymbol
            ? $"'{r.Symbol}' is not a symbol (1–12 characters of A-Z 0-9 . -)"
            : $"'{r.Symbol}' is not listed");
        string detail = string.Join("; ", parts) + (maxSymbols is { } max ? $"; and at most {max} symbols per request." : ".");
        var extensions = new Dictionary<string, object?> { ["symbols"] = rejected };
        if (maxSymbols is not null) extensions["maxSymbols"] = maxSymbols;
        return HttpProblems.BadRequest(title, detail, extensions);
    }
}
