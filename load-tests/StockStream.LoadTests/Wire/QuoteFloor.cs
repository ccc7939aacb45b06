namespace StockStream.LoadTests.Wire;

/// <summary>
/// Passes quotes and ticks on, dropping ticks a quote already counts: a SignalR hub joins the symbol's group before it
/// reads the quote, and its broadcaster may still hold ticks published before it, so ticks with the quote's seq or an
/// older one may follow the quote.
/// </summary>
public sealed class QuoteFloor(SymbolTable symbols, IStreamObserver next) : IStreamObserver
{
    private readonly ulong[] _floor = new ulong[symbols.Count];

    public void OnQuote(ReadOnlySpan<byte> symbol, ulong seq)
    {
        int i = symbols.IndexOf(symbol);
        if (i >= 0 && seq > _floor[i]) _floor[i] = seq;
        next.OnQuote(symbol, seq);
    }

    public void OnTick(ReadOnlySpan<byte> symbol, ulong seq, long timeMicros, bool conflated)
    {
        int i = symbols.IndexOf(symbol);
        if (i >= 0 && seq <= _floor[i]) return;
        next.OnTick(symbol, seq, timeMicros, conflated);
    }
}
