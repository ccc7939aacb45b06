using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using StockStream.Protocol;
using StockStream.Server.Streaming;
using StockStream.Server.Transports.Http;

namespace StockStream.Server.Transports.Rest;

/// <summary>Maps <c>/api/quotes</c>, <c>/api/history/{symbol}</c> and <c>/api/candles/{symbol}</c>, all read from the hub.</summary>
public static class MarketDataEndpoints
{
    private const int DefaultCandles = 60, MaxCandles = 1_000, DefaultHistorySeconds = 60;

    public static IEndpointRouteBuilder MapMarketData(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Market data").ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/quotes", Quotes).AcceptsOnlyQuery("symbols").WithSummary("The latest Quote of each named symbol.");
        group.MapGet("/history/{symbol}", History).AcceptsOnlyQuery("seconds").WithSummary("A symbol's ticks of the last `seconds`, oldest first.")
            .Produces<Tick[]>(contentType: "application/json");
        group.MapGet("/candles/{symbol}", Candles).AcceptsOnlyQuery("interval", "count").WithSummary("OHLCV bars of a symbol built from its history, oldest first.");
        return app;
    }

    private static Results<Ok<Quote[]>, ProblemHttpResult> Quotes(string? symbols, TickHub hub)
    {
        if (!SymbolQuery.TryResolveList(hub, symbols, out var feeds, out var problem)) return problem;
        return TypedResults.Ok(feeds.Select(f => f.Quote).ToArray());
    }

    private static Results<TickArrayResult, ProblemHttpResult> History(
        string symbol, string? seconds, TickHub hub, IOptions<StreamingOptions> options, TimeProvider clock)
    {
        if (!SymbolQuery.TryResolveOne(hub, symbol, out var feed, out var problem)) return problem;
        int max = options.Value.HistorySeconds;
        if (!TryParseInRange(seconds, DefaultHistorySeconds, max, out int span))
            return HttpProblems.BadRequest("Invalid seconds", $"seconds must be a whole number from 1 to {max}.",
                new Dictionary<string, object?> { ["max"] = max });
        return new TickArrayResult(feed.Since(clock.NowMicroseconds() - span * 1_000_000L));
    }

    private static Results<Ok<List<Candle>>, ProblemHttpResult> Candles(
        string symbol, string? interval, string? count, TickHub hub, TimeProvider clock)
    {
        if (!SymbolQuery.TryResolveOne(hub, symbol, out var feed, out var problem)) return problem;
        if (!CandleBuilder.Intervals.TryGetValue(interval ?? "1s", out var width))
            return HttpProblems.BadRequest("Invalid interval", $"interval must be one of {string.Join(", ", CandleBuilder.Intervals.Keys)}.");
        if (!TryParseInRange(count, DefaultCandles, MaxCandles, out int bars))
            return HttpProblems.BadRequest("Invalid count", $"count must be a whole number from 1 to {MaxCandles}.",
                new Dictionary<string, object?> { ["max"] = MaxCandles });
        long from = clock.NowMicroseconds() - (long)(width.TotalMicroseconds * (bars + 1));
        return TypedResults.Ok(CandleBuilder.Build(feed.Since(from), width, bars));
    }

    private static bool TryParseInRange(string? text, int fallback, int max, out int value)
    {
        value = fallback;
        if (text is null) return true;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= 1 && value <= max;
    }
}
