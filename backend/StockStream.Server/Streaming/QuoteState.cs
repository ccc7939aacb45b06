using StockStream.Protocol;

namespace StockStream.Server.Streaming;

/// <summary>The running session figures of one symbol, updated in place for every tick (no allocation).</summary>
public struct QuoteState(double openPrice, long sessionStart)
{
    public ulong Seq;
    public double Price = openPrice;
    public double Open = openPrice;
    public double High = openPrice;
    public double Low = openPrice;
    public long Volume;
    public long Time = sessionStart;

    public void Apply(in Tick tick)
    {
        Seq = tick.Seq;
        Price = tick.Price;
        Time = tick.Time;
        Volume += tick.Size;
        if (tick.Price > High) High = tick.Price;
        if (tick.Price < Low) Low = tick.Price;
    }

    /// <summary>A new session (the market reopened after a close): it opens at the last price with no volume; seq goes on.</summary>
    public void StartSession(long now)
    {
        Open = High = Low = Price;
        Volume = 0;
        if (Seq == 0) Time = now; // not ticked yet: the Quote's time is its session's start
    }

    public static QuoteState From(Quote quote) => new(quote.Open, quote.Time)
    {
        Seq = quote.Seq,
        Price = quote.Price,
        High = quote.High,
        Low = quote.Low,
        Volume = quote.Volume,
    };

    public readonly Quote ToQuote(string symbol) => new(symbol, Seq, Price, Open, High, Low, Volume, Time);
}
