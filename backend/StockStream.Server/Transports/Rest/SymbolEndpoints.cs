using StockStream.Server.Market;
using StockStream.Server.Streaming;
using StockStream.Server.Transports.Http;

namespace StockStream.Server.Transports.Rest;

/// <summary>Maps <c>GET /api/symbols</c>: every instrument with its current price.</summary>
public static class SymbolEndpoints
{
    public static IEndpointRouteBuilder MapSymbols(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/symbols", (InstrumentCatalog catalog, TickHub hub) =>
            TypedResults.Ok(catalog.All.Select(i => new SymbolInfo(
                i.Symbol, i.Name, i.Sector, i.Exchange, i.Currency, hub.Feeds[i.Id].Quote.Price)))).AcceptsOnlyQuery();
        return app;
    }

    /// <summary>One instrument as <c>/api/symbols</c> lists it.</summary>
    public sealed record SymbolInfo(string Symbol, string Name, string Sector, string Exchange, string Currency, double Price);
}
