namespace StockStream.Protocol.Http;

/// <summary>
/// A poll answer whose ticks are already encoded, as the server writes it: the answer's bytes are assembled by copying
/// each tick's, never by encoding per request.
/// </summary>
public readonly record struct EncodedPollAnswer(
    string Cursor, IReadOnlyList<EncodedTick> Ticks, bool Missed, IReadOnlyList<Quote> Quotes, MarketState Market, string Epoch, long ServerTime)
{
    /// <summary>Encodes the message's ticks (once each), for writers that start from decoded values.</summary>
    public static EncodedPollAnswer From(PollAnswerMessage answer) => new(
        answer.Cursor, [.. answer.Ticks.Select(t => new EncodedTick(t))], answer.Missed, answer.Quotes, answer.Market, answer.Epoch, answer.ServerTime);
}
