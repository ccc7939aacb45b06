using StockStream.Protocol;
using StockStream.Protocol.Http;

namespace StockStream.Server.Transports.Http;

/// <summary>
/// One long-poll answer, also the data of an SSE <c>ticks</c> event: ticks newer than the client's cursor (oldest
/// first, already encoded), the new cursor (issued under <see cref="Market"/>), and the Quotes when the answer starts
/// or restarts a stream. Written by <see cref="PollAnswerFormat"/>.
/// </summary>
public sealed record PollAnswer(
    PollCursor Cursor, IReadOnlyList<EncodedTick> Ticks, TickFlags Flags, IReadOnlyList<Quote> Quotes, MarketState Market)
{
    /// <summary>The JSON <c>missed</c>: the client lost ticks, whether its cursor was stale or a slow SSE reader was conflated.</summary>
    public bool Missed => (Flags & (TickFlags.Missed | TickFlags.Conflated)) != 0;

    /// <summary>The answer as the wire carries it, stamped with the time it is written.</summary>
    public EncodedPollAnswer ToWire(long serverTime) =>
        new(Cursor.ToString(), Ticks, Missed, Quotes, Market, Cursor.Epoch, serverTime);
}
