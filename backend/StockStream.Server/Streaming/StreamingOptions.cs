using System.ComponentModel.DataAnnotations;

namespace StockStream.Server.Streaming;

/// <summary>Limits of the hub and the history it keeps.</summary>
public sealed class StreamingOptions
{
    public const string SectionName = "Streaming";

    /// <summary>Most symbols one connection, poll or SSE request may hold. Default 100.</summary>
    [Range(1, 10_000)]
    public int MaxSymbols { get; set; } = 100;

    /// <summary>How far back each symbol's history reaches, in seconds. Default 300.</summary>
    [Range(1, 86_400)]
    public int HistorySeconds { get; set; } = 300;

    /// <summary>Most ticks held per symbol, whatever their age; bounds memory at high rates. Default 5,000.</summary>
    [Range(16, 1_000_000)]
    public int HistoryMaxTicksPerSymbol { get; set; } = 5_000;

    /// <summary>Most ticks held over all symbols (about 250 bytes each), shared out evenly. Default 2,000,000.</summary>
    [Range(1_000, 100_000_000)]
    public int HistoryMaxTicks { get; set; } = 2_000_000;

    /// <summary>
    /// Most bytes of missed ticks one connection may have queued for replay (a WebSocket or SSE resume), and one poll
    /// answer may carry, counted at each tick's JSON size; a symbol whose replay does not fit starts from a Snapshot (a
    /// poll: fresh quotes and <c>missed</c>), as for ticks no longer held. Default 1,048,576.
    /// </summary>
    [Range(1_024, 1_073_741_824)]
    public int MaxReplayBytes { get; set; } = 1 << 20;

    /// <summary>The per-symbol cap that keeps the whole history within <see cref="HistoryMaxTicks"/>.</summary>
    public int HistoryCapacityPerSymbol(int symbols) => Math.Min(HistoryMaxTicksPerSymbol, Math.Max(16, HistoryMaxTicks / Math.Max(1, symbols)));
}
