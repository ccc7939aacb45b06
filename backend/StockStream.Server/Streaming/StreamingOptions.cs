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
}
