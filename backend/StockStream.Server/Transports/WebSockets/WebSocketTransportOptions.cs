using System.ComponentModel.DataAnnotations;

namespace StockStream.Server.Transports.WebSockets;

/// <summary>Limits and timings of <c>/ws</c>.</summary>
public sealed class WebSocketTransportOptions
{
    public const string SectionName = "WebSocket";

    /// <summary>Origins besides the server's own that may open a socket, e.g. https://app.example. Default none.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>Interval of the server's WebSocket ping frames, in milliseconds; announced in Hello. Default 15,000.</summary>
    [Range(100, 600_000)]
    public int HeartbeatMs { get; set; } = 15_000;

    /// <summary>Largest client message accepted, in bytes; larger ones close with 1009. Default 4,096.</summary>
    [Range(64, 1_048_576)]
    public int MaxMessageBytes { get; set; } = 4_096;

    /// <summary>Client messages allowed per second (bursts of twice that); beyond, Error 429 and close 1008. Default 50.</summary>
    [Range(1, 100_000)]
    public int MaxMessagesPerSecond { get; set; } = 50;

    /// <summary>Malformed messages tolerated (each answered with Error 400) before closing with 1007. Default 3.</summary>
    [Range(1, 1_000)]
    public int MaxMalformedMessages { get; set; } = 3;

    /// <summary>Ticks held for a connection before conflating to the newest per symbol. Default 4,096.</summary>
    [Range(16, 1_000_000)]
    public int MaxPendingTicks { get; set; } = 4_096;

    /// <summary>
    /// A connection whose oldest unsent tick is older than this, in milliseconds, reads too slowly: its backlog is
    /// conflated to the newest tick per symbol (flagged) instead of growing to <see cref="MaxPendingTicks"/>. Default 2,000.
    /// </summary>
    [Range(10, 600_000)]
    public int ConflateAfterMs { get; set; } = 2_000;

    /// <summary>
    /// Kernel send buffer of each socket, in bytes (Linux allocates twice this), so a slow reader's unread bytes stay
    /// small and its backlog is conflated here instead of queueing in the kernel; 0 keeps the system's auto-tuning. Default 32,768.
    /// </summary>
    [Range(0, 16_777_216)]
    public int SocketSendBufferBytes { get; set; } = 32 * 1024;

    /// <summary>Most ticks in one Ticks frame. Default 512.</summary>
    [Range(1, 65_536)]
    public int MaxTicksPerFrame { get; set; } = 512;

    /// <summary>
    /// Tick frames per second, over all connections, that the server sends as fast as ticks come — each frame counted with
    /// what its ticks add (<see cref="TickCostInFrames"/>); above it each connection's frames are spaced just enough to fit
    /// (see docs/latency.md). 0: no budget. Default 130,000.
    /// </summary>
    [Range(0, 100_000_000)]
    public int FrameBudgetPerSecond { get; set; } = 130_000;

    /// <summary>
    /// What one tick carried adds to its frame's cost against <see cref="FrameBudgetPerSecond"/>, as a fraction of a frame
    /// (encoding, copying and the reader's decoding, against a frame's send, wake-up and receive). 0: frames only. Default 0.08.
    /// </summary>
    [Range(0, 1)]
    public double TickCostInFrames { get; set; } = 0.08;

    /// <summary>
    /// Average time a woken writer may wait for a thread, in milliseconds, before the CPU counts as the bottleneck and
    /// the frame gap engages as if over <see cref="FrameBudgetPerSecond"/>; 0: frame rate only. Default 0.
    /// </summary>
    [Range(0, 1_000)]
    public double WakeLagBudgetMs { get; set; }

    /// <summary>Longest gap the frame budget may put between two tick frames of one connection, in milliseconds (0: none). Default 20.</summary>
    [Range(0, 60)]
    public int MaxFrameGapMs { get; set; } = 20;

    /// <summary>
    /// Socket completions and Kestrel's continuations run inline instead of hopping to the thread pool (read at start,
    /// for the whole server). Default true.
    /// </summary>
    public bool InlineSocketIo { get; set; } = true;

    /// <summary>A send stalled this long aborts the connection, in milliseconds. Default 10,000.</summary>
    [Range(100, 600_000)]
    public int SendTimeoutMs { get; set; } = 10_000;

    /// <summary>How long to wait for the client's close frame after sending ours, in milliseconds. Default 2,000.</summary>
    [Range(10, 60_000)]
    public int CloseTimeoutMs { get; set; } = 2_000;

    /// <summary>Most open sockets, further handshakes get 503; 0 = as many as the open-file limit allows. Default 0.</summary>
    [Range(0, 10_000_000)]
    public int MaxConnections { get; set; }
}
