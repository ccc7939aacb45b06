using System.ComponentModel.DataAnnotations;

namespace StockStream.Server.Transports.LongPolling;

/// <summary>How long <c>/api/poll</c> holds a request when nothing is new.</summary>
public sealed class LongPollingOptions
{
    public const string SectionName = "LongPolling";

    /// <summary>Hold time when the request names no <c>timeoutMs</c>, in milliseconds. Default 25,000.</summary>
    [Range(0, 600_000)]
    public int DefaultTimeoutMs { get; set; } = 25_000;

    /// <summary>Longest hold a request may ask for, in milliseconds; more is a 400. Default 60,000.</summary>
    [Range(0, 600_000)]
    public int MaxTimeoutMs { get; set; } = 60_000;

    /// <summary>Most polls held at once, further ones get 503; 0 = as many as the open-file limit allows. Default 0.</summary>
    [Range(0, 10_000_000)]
    public int MaxHeldPolls { get; set; }

    /// <summary>
    /// An answer the client has not taken within this many milliseconds aborts the request (and frees its slot), so a
    /// client that stops reading cannot pin server or kernel memory. Default 10,000.
    /// </summary>
    [Range(100, 600_000)]
    public int SendTimeoutMs { get; set; } = 10_000;

    /// <summary>
    /// Kernel send buffer of each polling client's socket, in bytes (Linux allocates twice this), set when an answer is
    /// written, so what a non-reading client leaves unread stays small and the send deadline sees the stall; 0 keeps the
    /// system's auto-tuning. Default 32,768.
    /// </summary>
    [Range(0, 16_777_216)]
    public int SocketSendBufferBytes { get; set; } = 32 * 1024;
}
