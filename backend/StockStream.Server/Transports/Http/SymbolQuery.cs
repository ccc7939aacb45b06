using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;
using StockStream.Protocol;
using StockStream.Server.Streaming;

namespace StockStream.Server.Transports.Http;

/// <summary>
/// Resolves <c>?symbols=CCAL,GL</c> (or one path symbol) to feeds, or to the 400 problem that names what is wrong:
/// its <c>symbols</c> member lists every bad symbol with its reason, its <c>maxSymbols</c> member states the limit
/// when more symbols were asked than one request may hold.
/// </summary>
public static class SymbolQuery
{
    public static bool TryResolveList(TickHub hub, string? list, out SymbolFeed[] feeds, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        feeds = [];
        // Read in place, as SymbolName.SplitList would split it (entries trimmed, empty ones dropped): only a rejected
        // symbol becomes a string. Insertion-ordered and duplicate-free: "AAPL,AAPL" is one symbol. One more than
        // allowed is enough to refuse.
        var text = list.AsSpan();
        var resolved = new SymbolFeed[Math.Min(text.Count(',') + 1, hub.MaxSymbols + 1)];
        int count = 0;
        HashSet<int>? seen = null;
        List<SymbolRejection>? rejected = null;
        foreach (var range in text.Split(','))
        {
            var symbol = text[range].Trim();
            if (symbol.IsEmpty) continue;
            if (Resolve(hub, symbol) is { } feed)
            {
                if (count < resolved.Length && IsNew(feed, resolved.AsSpan(0, count), ref seen)) resolved[count++] = feed;
            }
            else if (rejected is null || !IsRejected(rejected, symbol)) (rejected ??= []).Add(Rejection(hub, symbol.ToString()));
        }
        if (count == 0 && rejected is null)
        {
            problem = HttpProblems.BadRequest("Missing symbols", MissingSymbolsDetail(hub));
            return false;
        }
        bool tooMany = count > hub.MaxSymbols;
        if (rejected is not null) problem = BadSymbols(rejected, tooMany ? hub.MaxSymbols : null);
        else if (tooMany)
            problem = HttpProblems.BadRequest("Too many symbols", $"At most {hub.MaxSymbols} symbols per request.",
                new Dictionary<string, object?> { ["maxSymbols"] = hub.MaxSymbols });
        else
        {
            feeds = count == resolved.Length ? resolved : resolved[..count];
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

    /// <summary>Up to this many symbols a request's list is checked for repeats by scanning it; a longer one by a set.</summary>
    private const int ScanLimit = 16;

    /// <summary>Whether <paramref name="feed"/> is not among <paramref name="resolved"/>; allocates only for long lists.</summary>
    private static bool IsNew(SymbolFeed feed, ReadOnlySpan<SymbolFeed> resolved, ref HashSet<int>? seen)
    {
        if (seen is null)
        {
            foreach (var known in resolved)
            {
                if (known.Id == feed.Id) return false;
            }
            if (resolved.Length < ScanLimit) return true;
            seen = [];
            foreach (var known in resolved) seen.Add(known.Id);
        }
        return seen.Add(feed.Id);
    }

    private static bool IsRejected(List<SymbolRejection> rejected, ReadOnlySpan<char> symbol)
    {
        foreach (var rejection in rejected)
        {
            if (symbol.SequenceEqual(rejection.Symbol)) return true;
        }
        return false;
    }

    private static SymbolFeed? Resolve(TickHub hub, ReadOnlySpan<char> symbol) =>
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

    /// <summary>Names the list of symbols and two that this market has: <c>e.g. ?symbols=CCAL,GL</c> with the default seed.</summary>
    private static string MissingSymbolsDetail(TickHub hub) =>
        $"Name at least one symbol of GET /api/symbols, e.g. ?symbols={string.Join(',', hub.Feeds.Take(2).Select(f => f.Symbol))}.";
}
