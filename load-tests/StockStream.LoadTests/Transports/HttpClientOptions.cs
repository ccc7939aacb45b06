namespace StockStream.LoadTests.Transports;

/// <summary>How a load-test SSE or long-polling client reaches the server.</summary>
public sealed class HttpClientOptions
{
    /// <summary>The server's base address. Default http://127.0.0.1:5000/.</summary>
    public Uri BaseAddress { get; init; } = new("http://127.0.0.1:5000/");

    /// <summary>Symbols each client subscribes to. Default 10.</summary>
    public int SymbolsPerClient { get; init; } = 10;

    /// <summary>Long polling: how long the server may hold a poll, ms (the protocol allows up to 60000). Default 25000.</summary>
    public int PollTimeoutMs { get; init; } = 25_000;

    /// <summary>Long polling: ask for MessagePack answers rather than JSON. Default true.</summary>
    public bool PollMessagePack { get; init; } = true;

    /// <summary>Initial body buffer, bytes; grows for larger answers. Default 64 KiB.</summary>
    public int BodyBufferBytes { get; init; } = 64 * 1024;
}
