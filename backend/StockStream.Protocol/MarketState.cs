namespace StockStream.Protocol;

/// <summary>Whether the simulated market generates ticks; written as "open", "closed" or "halted".</summary>
public enum MarketState
{
    Open,
    Closed,
    Halted,
}
