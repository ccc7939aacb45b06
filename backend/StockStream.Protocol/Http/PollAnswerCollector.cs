using System.Text;

namespace StockStream.Protocol.Http;

/// <summary>Keeps what a poll answer reader reports, as <see cref="Tick"/> and <see cref="Quote"/> values.</summary>
internal sealed class PollAnswerCollector : IPollAnswerVisitor
{
    public List<Tick> Ticks { get; } = [];

    public List<Quote> Quotes { get; } = [];

    public void OnTick(ReadOnlySpan<byte> symbol, ulong seq, double price, long size, long time, bool missed) =>
        Ticks.Add(new Tick(Encoding.UTF8.GetString(symbol), seq, price, size, time));

    public void OnQuote(ReadOnlySpan<byte> symbol, ulong seq, double price, double open, double high, double low, long volume, long time) =>
        Quotes.Add(new Quote(Encoding.UTF8.GetString(symbol), seq, price, open, high, low, volume, time));
}
