namespace StockStream.Server.Transports.Sse;

/// <summary>
/// The <c>data:</c> of one SSE event, already encoded as JSON (one line: the encoders never indent), which
/// <see cref="SseWriter"/> copies untouched; or, for <see cref="KeepAlive"/>, the text of a comment line.
/// </summary>
public sealed class SseData
{
    /// <summary>The <c>: keep-alive</c> comment written while nothing else is sent.</summary>
    public static readonly SseData KeepAlive = new("keep-alive"u8.ToArray(), isComment: true);

    public SseData(ReadOnlyMemory<byte> json) : this(json, isComment: false) { }

    private SseData(ReadOnlyMemory<byte> bytes, bool isComment) => (Json, IsComment) = (bytes, isComment);

    public ReadOnlyMemory<byte> Json { get; }

    public bool IsComment { get; }
}
