using System.Buffers;

namespace StockStream.Protocol.Http;

/// <summary>
/// One encoding of the answer <c>GET /api/poll</c> gives and SSE <c>ticks</c> events carry (docs/protocol.md, "Long
/// polling"): MessagePack <c>[cursor, [Tick...], flags, [Quote...], marketState, epoch, serverTime]</c>, or the JSON
/// object with the same members and Tick/Quote objects. Writer and reader side by side, for server, tests and load tool.
/// </summary>
public abstract class PollAnswerFormat
{
    public static MessagePackPollAnswerFormat MessagePack { get; } = new();
    public static JsonPollAnswerFormat Json { get; } = new();

    /// <summary>The media type a client names in <c>Accept</c> to get this format.</summary>
    public abstract string MediaType { get; }

    /// <summary>The <c>Content-Type</c> of an answer in this format.</summary>
    public abstract string ContentType { get; }

    /// <summary>Writes the answer, copying each tick's encoded bytes.</summary>
    public abstract void Write(IBufferWriter<byte> output, in EncodedPollAnswer answer);

    /// <summary>
    /// Reads an answer in place: each tick and quote goes to <paramref name="visitor"/> as it is read, without allocating;
    /// the other members are returned. Throws <see cref="ProtocolException"/> when the body is not a poll answer.
    /// </summary>
    public abstract PollAnswerView Read(ReadOnlyMemory<byte> body, IPollAnswerVisitor visitor);

    /// <summary>Reads a whole answer into objects.</summary>
    public PollAnswerMessage Read(ReadOnlyMemory<byte> body)
    {
        var collected = new PollAnswerCollector();
        var view = Read(body, collected);
        return new PollAnswerMessage(view.CursorText(), collected.Ticks, view.Missed, collected.Quotes, view.Market, view.EpochText(), view.ServerTime);
    }

    public byte[] ToArray(in EncodedPollAnswer answer)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Write(buffer, answer);
        return buffer.WrittenSpan.ToArray();
    }

    public byte[] ToArray(PollAnswerMessage answer) => ToArray(EncodedPollAnswer.From(answer));

    private protected static MarketState ParseMarket(ReadOnlySpan<byte> name) =>
        MarketStateNames.TryParseUtf8(name, out var state) ? state : throw ProtocolException.Malformed("A poll answer's market must be open, closed or halted.");
}
