namespace StockStream.Server.Backplane.Redis;

/// <summary>Ticks this node needs are no longer in the shared stream (e.g. Redis lost its data while the node was cut off).</summary>
internal sealed class StreamGapException(ulong offset, ulong nextHeld)
    : Exception($"This node is at offset {offset}, but the shared stream continues only at {nextHeld}: the ticks between are lost.");
