using System.ComponentModel.DataAnnotations;

namespace StockStream.Server.Transports.Sse;

/// <summary>Limits of <c>/api/sse</c> streams.</summary>
public sealed class SseOptions
{
    public const string SectionName = "Sse";

    /// <summary>Ticks held for a stream before conflating to the newest per symbol. Default 4,096.</summary>
    [Range(16, 1_000_000)]
    public int MaxPendingTicks { get; set; } = 4_096;

    /// <summary>Most ticks taken from the outbox at a time; one event may carry several such batches. Default 512.</summary>
    [Range(1, 65_536)]
    public int MaxTicksPerBatch { get; set; } = 512;

    /// <summary>Most open streams, further requests get 503; 0 = as many as the open-file limit allows. Default 0.</summary>
    [Range(0, 10_000_000)]
    public int MaxConnections { get; set; }

    /// <summary>Reconnection delay the stream advises clients (the <c>retry:</c> field), in milliseconds. Default 1,000.</summary>
    [Range(0, 600_000)]
    public int RetryMs { get; set; } = 1_000;

    /// <summary>Longest silence on a stream, in milliseconds, before a <c>: keep-alive</c> comment is written. Default 15,000.</summary>
    [Range(100, 600_000)]
    public int KeepAliveMs { get; set; } = 15_000;

    /// <summary>
    /// A write the client has not taken within this many milliseconds aborts the stream (and frees its slot), so a
    /// client that stops reading cannot pin server or kernel memory. Default 10,000.
    /// </summary>
    [Range(100, 600_000)]
    public int SendTimeoutMs { get; set; } = 10_000;

    /// <summary>
    /// Kernel send buffer of each stream's socket, in bytes (Linux allocates twice this), so what a non-reading client
    /// leaves unread stays small and the send deadline sees the stall; 0 keeps the system's auto-tuning. Default 32,768.
    /// </summary>
    [Range(0, 16_777_216)]
    public int SocketSendBufferBytes { get; set; } = 32 * 1024;
}
