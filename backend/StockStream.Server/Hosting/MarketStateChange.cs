namespace StockStream.Server.Hosting;

/// <summary>Body of <c>POST /api/admin/market</c>: <c>{"state": "open" | "closed" | "halted"}</c>.</summary>
public sealed record MarketStateChange(string? State);
