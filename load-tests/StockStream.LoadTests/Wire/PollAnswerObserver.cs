using StockStream.Protocol.Http;

namespace StockStream.LoadTests.Wire;

/// <summary>
/// Hands the ticks and quotes of a poll answer (or an SSE <c>ticks</c> event), as the protocol's reader finds them in
/// place, to an <see cref="IStreamObserver"/>: the answer's missed flag explains seq jumps as a conflated frame's does.
/// </summary>
public sealed class PollAnswerObserver(IStreamObserver observer) : IPollAnswerVisitor
{
    public void OnTick(ReadOnlySpan<byte> symbol, ulong seq, double price, long size, long time, bool missed) =>
        observer.OnTick(symbol, seq, time, missed);

    public void OnQuote(ReadOnlySpan<byte> symbol, ulong seq, double price, double open, double high, double low, long volume, long time) =>
        observer.OnQuote(symbol, seq);
}
