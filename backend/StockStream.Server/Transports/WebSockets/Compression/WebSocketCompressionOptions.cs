using System.ComponentModel.DataAnnotations;

namespace StockStream.Server.Transports.WebSockets.Compression;

/// <summary>
/// permessage-deflate (RFC 7692) on <c>/ws</c>, accepted when the client offers it (browsers always do).
/// Server context takeover keeps one zlib deflater per connection for its whole life — about 260 KB of RSS each
/// however small the window, since the runtime fixes zlib's memLevel at 8 — in exchange for frames that refer back
/// to earlier ones (tick frames shrink to about a third); without it every frame is compressed alone and an idle
/// connection holds nothing, but small frames barely shrink.
/// </summary>
public sealed class WebSocketCompressionOptions
{
    public const string SectionName = "WebSocket:Compression";

    /// <summary>Accept permessage-deflate when offered. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The server's deflater keeps its window across messages (server context takeover). Default true.</summary>
    public bool ContextTakeover { get; set; } = true;

    /// <summary>Largest LZ77 window the server compresses with, as log2 of its bytes (9–15). Default 15.</summary>
    [Range(9, 15)]
    public int MaxWindowBits { get; set; } = 15;

    /// <summary>
    /// Let the client's deflater keep its window across messages; false answers <c>client_no_context_takeover</c>
    /// (RFC 7692 lets a server require it), so the server holds no inflater between the rare client messages. Default false.
    /// </summary>
    public bool ClientContextTakeover { get; set; }
}
