using StockStream.Protocol;
using StockStream.Protocol.Messages;

namespace StockStream.Server.Streaming;

/// <summary>The next thing a connection's writer sends: a control message, or a batch of already-encoded ticks.</summary>
public readonly record struct OutboundItem(ServerMessage? Message, ArraySegment<EncodedTick> Ticks, TickFlags Flags)
{
    /// <summary>Stream offset of the last tick in the batch: the cursor an SSE event carries.</summary>
    public ulong LastOffset => Ticks.Count == 0 ? 0 : ((StreamTick)Ticks[^1]).Offset;
}
