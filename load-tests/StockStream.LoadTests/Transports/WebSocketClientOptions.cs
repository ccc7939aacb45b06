using StockStream.Protocol;

namespace StockStream.LoadTests.Transports;

/// <summary>How a load-test WebSocket client connects and reads.</summary>
public sealed class WebSocketClientOptions
{
    /// <summary>The server's <c>/ws</c> endpoint, ws:// or wss://. Default ws://127.0.0.1:5000/ws.</summary>
    public Uri Endpoint { get; init; } = new("ws://127.0.0.1:5000/ws");

    /// <summary>Where a dropped client reconnects, in turn, after <see cref="Endpoint"/>: the other nodes, as DNS round-robin would. Default none.</summary>
    public IReadOnlyList<Uri> FailoverEndpoints { get; init; } = [];

    /// <summary>Reconnect and resume when the connection drops; null ends the session instead. Default null.</summary>
    public ReconnectPolicy? Reconnect { get; init; }

    /// <summary><see cref="Endpoint"/>, then <see cref="FailoverEndpoints"/>.</summary>
    public IReadOnlyList<Uri> Endpoints => [Endpoint, .. FailoverEndpoints];

    /// <summary>MessagePack (<c>stockstream.v1</c>) or JSON (<c>stockstream.v1.json</c>). Default MessagePack.</summary>
    public WireFormat Format { get; init; } = WireFormat.MessagePack;

    /// <summary>Offer permessage-deflate (as browsers do) and fail the session if the server does not accept it. Default false.</summary>
    public bool Deflate { get; init; }

    /// <summary>Symbols each client subscribes to; 0 for an idle connection. Default 10.</summary>
    public int SymbolsPerClient { get; init; } = 10;

    /// <summary>Initial receive buffer, bytes; grows for larger frames. Default 16 KiB.</summary>
    public int ReceiveBufferBytes { get; init; } = 16 * 1024;

    /// <summary>How long a stopping client waits for the server to answer its close. Default 2 s.</summary>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Slow consumer: stop reading this long after subscribing; null reads throughout. Default null.</summary>
    public TimeSpan? PauseReadingAfter { get; init; }

    /// <summary>Slow consumer: how long to stop reading before reading again. Default 5 s.</summary>
    public TimeSpan PauseReadingFor { get; init; } = TimeSpan.FromSeconds(5);
}
