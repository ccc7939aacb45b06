using StockStream.Protocol;
using StockStream.Protocol.Messages;

namespace StockStream.Server.Streaming;

/// <summary>The next thing a connection's writer sends: a control message, or a batch of already-encoded ticks.</summary>
public readonly record struct OutboundItem(ServerMessage? Message, ArraySegment<EncodedTick> Ticks, TickFlags Flags);
