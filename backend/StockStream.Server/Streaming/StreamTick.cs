using StockStream.Protocol;

namespace StockStream.Server.Streaming;

/// <summary>A tick as the hub holds it: encoded once, with its instrument id and its position in the whole stream.</summary>
public sealed class StreamTick(Tick tick, int symbolId, ulong offset) : EncodedTick(tick)
{
    public int SymbolId { get; } = symbolId;

    /// <summary>Position in the stream of all symbols, increasing by one per tick; long-poll cursors point here.</summary>
    public ulong Offset { get; } = offset;

    /// <summary>What the tick counts against a replay budget: its largest wire form, the JSON object.</summary>
    public int ReplayBytes => JsonObject.Length;
}
