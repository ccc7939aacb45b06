namespace StockStream.Protocol.Http;

/// <summary>
/// Receives the ticks and quotes of a poll answer as <see cref="PollAnswerFormat.Read(ReadOnlyMemory{byte}, IPollAnswerVisitor)"/>
/// reads them, straight off the body: a symbol is its UTF-8 bytes, valid only during the call.
/// </summary>
public interface IPollAnswerVisitor
{
    /// <summary>One tick, in answer order; <paramref name="missed"/> is the answer's flag (the client lost ticks before these).</summary>
    void OnTick(ReadOnlySpan<byte> symbol, ulong seq, double price, long size, long time, bool missed);

    /// <summary>One Quote: the symbol's stream continues from <paramref name="seq"/> + 1.</summary>
    void OnQuote(ReadOnlySpan<byte> symbol, ulong seq, double price, double open, double high, double low, long volume, long time);
}
