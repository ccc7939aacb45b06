namespace StockStream.Protocol.Http;

/// <summary>
/// One long-poll answer, also the data of an SSE <c>ticks</c> event, decoded: the ticks newer than the request's cursor
/// (oldest first), the cursor to send next, and the Quotes when the answer starts or restarts a stream.
/// <see cref="ServerTime"/> is when the server wrote it, in Unix microseconds.
/// </summary>
public sealed record PollAnswerMessage(
    string Cursor, IReadOnlyList<Tick> Ticks, bool Missed, IReadOnlyList<Quote> Quotes, MarketState Market, string Epoch, long ServerTime);
