using System.Buffers;
using System.Net.WebSockets;
using StockStream.Protocol;
using StockStream.Protocol.Messages;

namespace StockStream.Tests.Infrastructure;

/// <summary>A test client that speaks the protocol over a real <see cref="ClientWebSocket"/>; every wait is bounded.</summary>
public sealed class ProtocolClient : IAsyncDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);
    private readonly ClientWebSocket _socket;
    private readonly ArrayBufferWriter<byte> _frame = new();
    private uint _nextReqId = 1;
    private HttpMessageInvoker? _invoker;

    private ProtocolClient(ClientWebSocket socket, WireFormat format)
    {
        _socket = socket;
        Format = format;
    }

    public WireFormat Format { get; }

    public ClientWebSocket Socket => _socket;

    public HelloMessage Hello { get; private set; } = null!;

    public MarketStatusMessage InitialMarketStatus { get; private set; } = null!;

    /// <param name="receiveBufferBytes">The socket's receive buffer: small, so a client that stops reading pushes back at once.</param>
    /// <param name="deflate">Offers permessage-deflate with these settings; null offers no extension.</param>
    public static async Task<ProtocolClient> ConnectAsync(Uri uri, string? subprotocol, string? origin = null, int? receiveBufferBytes = null,
        WebSocketDeflateOptions? deflate = null)
    {
        var socket = new ClientWebSocket();
        socket.Options.DangerousDeflateOptions = deflate;
        if (subprotocol is not null) socket.Options.AddSubProtocol(subprotocol);
        if (origin is not null) socket.Options.SetRequestHeader("Origin", origin);
        socket.Options.CollectHttpResponseDetails = true;
        using var timeout = new CancellationTokenSource(DefaultTimeout);
        if (receiveBufferBytes is { } size)
        {
            var invoker = new HttpMessageInvoker(new SocketsHttpHandler
            {
                ConnectCallback = async (context, ct) =>
                {
                    var s = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp)
                    {
                        ReceiveBufferSize = size,
                        NoDelay = true,
                    };
                    await s.ConnectAsync(context.DnsEndPoint, ct);
                    return new System.Net.Sockets.NetworkStream(s, ownsSocket: true);
                },
            });
            await socket.ConnectAsync(uri, invoker, timeout.Token);
            return new ProtocolClient(socket, WireFormat.FromSubprotocol(socket.SubProtocol) ?? WireFormat.MessagePack) { _invoker = invoker };
        }
        else
        {
            await socket.ConnectAsync(uri, timeout.Token);
        }
        return new ProtocolClient(socket, WireFormat.FromSubprotocol(socket.SubProtocol) ?? WireFormat.MessagePack);
    }

    /// <summary>Reads the Hello and the MarketStatus that the protocol puts first.</summary>
    public async Task ReadHandshakeAsync()
    {
        Hello = Assert.IsType<HelloMessage>(await ReceiveAsync());
        InitialMarketStatus = Assert.IsType<MarketStatusMessage>(await ReceiveAsync());
    }

    public uint NextReqId() => _nextReqId++;

    public Task SendAsync(ClientMessage message) => SendRawAsync(Format.ToArray(message), Format.IsText ? WebSocketMessageType.Text : WebSocketMessageType.Binary);

    public async Task SendRawAsync(byte[] payload, WebSocketMessageType type)
    {
        using var timeout = new CancellationTokenSource(DefaultTimeout);
        await _socket.SendAsync(payload, type, true, timeout.Token);
    }

    public async Task<uint> SubscribeAsync(IReadOnlyList<string> symbols, IReadOnlyDictionary<string, ulong>? resume = null)
    {
        uint reqId = NextReqId();
        await SendAsync(new SubscribeMessage(reqId, symbols, resume));
        return reqId;
    }

    /// <summary>The next whole message, decoded; throws on close or timeout.</summary>
    public async Task<ServerMessage> ReceiveAsync(TimeSpan? timeout = null)
    {
        var frame = await ReceiveFrameAsync(timeout);
        if (frame.Type == WebSocketMessageType.Close)
            throw new WebSocketException($"Closed by the server: {_socket.CloseStatus} {_socket.CloseStatusDescription}");
        return Format.ReadServerMessage(frame.Payload);
    }

    public async Task<T> ReceiveAsync<T>(TimeSpan? timeout = null) where T : ServerMessage =>
        Assert.IsType<T>(await ReceiveAsync(timeout));

    /// <summary>Messages until one matches, returning those skipped as well.</summary>
    public async Task<(T Match, List<ServerMessage> Before)> ReceiveUntilAsync<T>(Func<T, bool>? predicate = null, TimeSpan? timeout = null)
        where T : ServerMessage
    {
        using var deadline = new CancellationTokenSource(timeout ?? DefaultTimeout);
        var before = new List<ServerMessage>();
        while (true)
        {
            var message = await ReceiveAsync(timeout ?? DefaultTimeout);
            deadline.Token.ThrowIfCancellationRequested();
            if (message is T match && (predicate is null || predicate(match))) return (match, before);
            before.Add(message);
        }
    }

    public async Task<(WebSocketMessageType Type, byte[] Payload)> ReceiveFrameAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        _frame.ResetWrittenCount();
        while (true)
        {
            var result = await _socket.ReceiveAsync(_frame.GetMemory(4096), cts.Token);
            _frame.Advance(result.Count);
            if (result.MessageType == WebSocketMessageType.Close) return (result.MessageType, []);
            if (result.EndOfMessage) return (result.MessageType, _frame.WrittenSpan.ToArray());
        }
    }

    /// <summary>Reads until the server closes, returning its close status; other frames are ignored.</summary>
    public async Task<WebSocketCloseStatus?> ReceiveCloseAsync(TimeSpan? timeout = null)
    {
        while (true)
        {
            var frame = await ReceiveFrameAsync(timeout);
            if (frame.Type == WebSocketMessageType.Close) return _socket.CloseStatus;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException)
            {
                // The test is over; a server that does not answer the close is not what it checks.
            }
        }
        _socket.Dispose();
        _invoker?.Dispose();
    }
}
