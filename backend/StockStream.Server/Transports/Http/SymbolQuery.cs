using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;
using StockStream.Protocol;
using StockStream.Server.Streaming;

namespace StockStream.Server.Transports.Http;

/// <summary>Resolves <c>?symbols=AAPL,MSFT</c> to feeds, or to the 400 problem that names what is wrong with it.</summary>
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
        foreach (string symbol in symbols)
        {
            if (!TryResolveOne(hub, symbol, out var feed, out problem)) return false;
            if (seen.Add(feed.Id)) resolved.Add(feed);
            if (resolved.Count > hub.MaxSymbols)
            {
                problem = HttpProblems.BadRequest("Too many symbols", $"At most {hub.MaxSymbols} symbols per request.",
                    new Dictionary<string, object?> { ["limit"] = hub.MaxSymbols });
                return false;
            }
        }
        feeds = [.. resolved];
        problem = null;
        return true;
    }

    public static bool TryResolveOne(TickHub hub, string symbol, [NotNullWhen(true)] out SymbolFeed? feed, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        feed = null;
        problem = null;
        var extensions = new Dictionary<string, object?> { ["symbol"] = symbol };
        if (!SymbolName.IsValid(symbol))
            problem = HttpProblems.BadRequest("Invalid symbol", $"'{symbol}' is not a symbol: 1–12 characters of A-Z 0-9 . -", extensions);
        else if (!hub.TryGetFeed(symbol, out feed))
            problem = HttpProblems.BadRequest("Unknown symbol", $"'{symbol}' is not listed.", extensions);
        return feed is not null;
    }
}
