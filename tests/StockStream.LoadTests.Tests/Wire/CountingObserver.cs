using StockStream.LoadTests.Wire;

namespace StockStream.LoadTests.Tests.Wire;

/// <summary>Sums what a reader reports without allocating, to prove the reader itself does not.</summary>
internal sealed class CountingObserver : IStreamObserver
{
    public long Ticks { get; private set; }
    public ulong SeqSum { get; private set; }

    public void OnQuote(ReadOnlySpan<byte> symbol, ulong seq) => SeqSum += seq;

    public void OnTick(ReadOnlySpan<byte> symbol, ulong seq, long timeMicros, bool conflated)
    {
        Ticks++;
        SeqSum += seq;
    }
}
