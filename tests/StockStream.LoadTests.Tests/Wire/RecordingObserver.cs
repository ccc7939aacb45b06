using System.Text;
using StockStream.LoadTests.Wire;

namespace StockStream.LoadTests.Tests.Wire;

/// <summary>Keeps every quote and tick a reader reports, as strings, for assertions.</summary>
internal sealed class RecordingObserver : IStreamObserver
{
    public List<(string Symbol, ulong Seq)> Quotes { get; } = [];
    public List<(string Symbol, ulong Seq, long Time, bool Conflated)> Ticks { get; } = [];

    public void OnQuote(ReadOnlySpan<byte> symbol, ulong seq) => Quotes.Add((Encoding.UTF8.GetString(symbol), seq));

    public void OnTick(ReadOnlySpan<byte> symbol, ulong seq, long timeMicros, bool conflated) =>
        Ticks.Add((Encoding.UTF8.GetString(symbol), seq, timeMicros, conflated));
}
