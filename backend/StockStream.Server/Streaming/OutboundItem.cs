using StockStream.Protocol;
using StockStream.Protocol.Messages;

namespace StockStream.Server.Streaming;

/// <summary>The next thing a connection's writer sends: a control message, or a batch of already-encoded ticks.</summary>
public readonly record struct OutboundItem(ServerMessage? Message, ArraySegment<EncodedTick> Ticks, TickFlags Flags, bool IsReplay = false)
{
    public static OutboundItem Of(ServerMessage message) => new(message, ArraySegment<EncodedTick>.Empty, TickFlags.None);

    /// <summary>Ticks a resuming subscription missed (<paramref name="count"/> of them from <paramref name="start"/>), sent in order ahead of live ones.</summary>
    public static OutboundItem Resumed(StreamTick[] ticks, int start, int count) => new(null, new ArraySegment<EncodedTick>(ticks, start, count), TickFlags.None, IsReplay: true);
}
