using Microsoft.AspNetCore.SignalR;
using StockStream.Protocol;
using StockStream.Server.Streaming;

namespace StockStream.Server.Transports.SignalR;

/// <summary>
/// <c>/hub</c>, the SignalR baseline: written the way the SignalR documentation and its StockTicker sample teach — one
/// group per symbol, the broadcaster awaiting <c>Clients.Group(symbol).SendAsync</c> per tick, default options — so it
/// measures what a .NET developer would build for this job, neither tuned nor hobbled. Its methods are documented in
/// docs/signalr.md; it is outside the StockStream wire protocol.
/// </summary>
public sealed class StockTickerHub(TickHub market, SignalRBroadcaster broadcaster, TimeProvider clock) : Hub
{
    public const string TickMethod = "tick";
    public const string MarketMethod = "market";
    private const string SubscriptionsKey = "symbols";

    public override async Task OnConnectedAsync()
    {
        broadcaster.EnsureStarted();
        await Clients.Caller.SendAsync(MarketMethod, market.MarketState.ToWire(), clock.NowMicroseconds());
        await base.OnConnectedAsync();
    }

    /// <summary>Joins the symbols' groups and returns their quotes as <c>[symbol, seq, price, open, high, low, volume, time]</c>.</summary>
    public async Task<object[][]> Subscribe(string[] symbols)
    {
        var feeds = new List<SymbolFeed>(symbols?.Length ?? 0);
        foreach (string symbol in symbols ?? throw new HubException("Subscribe takes an array of symbols."))
        {
            if (!SymbolName.IsValid(symbol)) throw new HubException($"Invalid symbol '{symbol}'.");
            if (!market.TryGetFeed(symbol, out var feed)) throw new HubException($"Unknown symbol '{symbol}'.");
            feeds.Add(feed);
        }
        var subscribed = Subscriptions();
        int total = subscribed.Count + feeds.Count(f => !subscribed.Contains(f.Symbol));
        if (total > market.MaxSymbols) throw new HubException($"At most {market.MaxSymbols} symbols per connection.");

        foreach (var feed in feeds)
        {
            // Join first, then read the quote: a tick in between may arrive twice, never be missed.
            if (subscribed.Add(feed.Symbol)) await Groups.AddToGroupAsync(Context.ConnectionId, feed.Symbol);
        }
        return [.. feeds.Select(f => QuoteFields(f.Quote))];
    }

    public async Task Unsubscribe(string[] symbols)
    {
        var subscribed = Subscriptions();
        foreach (string symbol in symbols ?? [])
        {
            if (subscribed.Remove(symbol)) await Groups.RemoveFromGroupAsync(Context.ConnectionId, symbol);
        }
    }

    private HashSet<string> Subscriptions()
    {
        if (Context.Items.TryGetValue(SubscriptionsKey, out var items)) return (HashSet<string>)items!;
        var subscribed = new HashSet<string>(StringComparer.Ordinal);
        Context.Items[SubscriptionsKey] = subscribed;
        return subscribed;
    }

    private static object[] QuoteFields(Quote q) => [q.Symbol, q.Seq, q.Price, q.Open, q.High, q.Low, q.Volume, q.Time];
}
