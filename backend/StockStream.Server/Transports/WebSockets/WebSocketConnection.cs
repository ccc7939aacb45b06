using System.Buffers;
using System.Net.WebSockets;
using StockStream.Protocol;
using StockStream.Protocol.Messages;
using StockStream.Server.Streaming;
using StockStream.Server.Transports.Limits;

namespace StockStream.Server.Transports.WebSockets;

/// <summary>
/// One accepted socket: a receive loop that handles the client's messages, and a writer loop — the only place
/// that sends — that drains the connection's <see cref="SubscriberQueue"/>. Nothing waits on the request's abort
/// token: the read always pending ends when the peer goes or the socket is aborted, the <see cref="SendWatchdog"/>
/// bounds every send and says when the server stops, and an idle socket keeps no registration.
/// </summary>
internal sealed partial class WebSocketConnection(
    string id, WebSocket socket, WireFormat format, TickHub hub, IReplayAllowance? replayAllowance, WebSocketTransportOptions options,
    TransportMetrics metrics, SendWatchdog watchdog, FrameBudget budget, ServerPauses pauses, TimeProvider clock, ILogger logger)
{
    public const string Transport = "websocket";

    private readonly SubscriberQueue _queue = hub.CreateQueue(id, options.MaxPendingTicks, options.MaxTicksPerFrame, replayAllowance: replayAllowance);
    private readonly MessageRateLimiter _limiter = new(options.MaxMessagesPerSecond, clock, pauses);
    private readonly TaskCompletionSource _receiveEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _closing;
    private bool _closeReceived;
    private WebSocketCloseStatus? _closeStatus;
    private string _closeReason = "";
    private int _malformed;
    private string? _wentAway;

    /// <summary>Called once the connection is closed for sending too many messages. Default none.</summary>
    public Action? Flooded { get; init; }

    /// <summary>Runs the connection until it closes. The <see cref="SendWatchdog"/> tells it when the server stops.</summary>
    public async Task RunAsync(IReadOnlyList<string> initialSymbols)
    {
        _queue.EnqueueControl(new HelloMessage(Subprotocols.ProtocolVersion, id, clock.NowMicroseconds(),
            options.HeartbeatMs, hub.MaxSymbols, hub.Epoch));
        hub.Attach(_queue);
        if (initialSymbols.Count > 0) hub.Subscribe(_queue, new SubscribeMessage(0, initialSymbols));

        var writer = WriteLoopAsync();
        watchdog.Watch(this);
        try
        {
            await ReceiveLoopAsync();
            if (!_closeReceived) await DrainUntilCloseAsync();
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            WentAway(e);
        }
        finally
        {
            _receiveEnded.TrySetResult();
            hub.Detach(_queue);
            // A server-initiated close still flushes its Error frame; a vanished client gets nothing more.
            _queue.Complete(flushControl: _closeStatus is not null);
            await writer;
            watchdog.Forget(this);
            _queue.Dispose();
            WebSocketLog.Closed(logger, id, CloseReason());
        }
    }

    /// <summary>
    /// Notes how the peer vanished (the receive and the write loop may both see it); the connection's one
    /// <see cref="WebSocketLog.Closed"/> line says it, without a stack trace.
    /// </summary>
    private void WentAway(Exception e) => Interlocked.CompareExchange(ref _wentAway, e.Message.ReplaceLineEndings(" "), null);

    private string CloseReason() =>
        _sendStalled ? "send stalled" : _wentAway is { } how ? $"went away ({how})" : _closeStatus?.ToString() ?? socket.CloseStatus?.ToString() ?? "aborted";

    /// <summary>The server is stopping: the client is told it is going away.</summary>
    public void ServerStopping() => Close((WebSocketCloseStatus)CloseCodes.GoingAway, "server shutting down");

    /// <summary>Asks the writer to send what is queued for control, then a close frame. The first reason wins.</summary>
    private void Close(WebSocketCloseStatus status, string reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) == 1) return;
        _closeReason = reason;
        _closeStatus = status;
        _queue.Complete(flushControl: true);
    }

    private async Task ReceiveLoopAsync()
    {
        while (socket.State == WebSocketState.Open && _closeStatus is null)
        {
            // A zero-byte read waits for data without holding a buffer: idle sockets cost no receive memory.
            var peek = await socket.ReceiveAsync(Memory<byte>.Empty, CancellationToken.None);
            if (peek.MessageType == WebSocketMessageType.Close)
            {
                ClientClosed();
                return;
            }
            if (peek.EndOfMessage)
            {
                // An empty frame: the peek consumed all of it.
                Handle(peek.MessageType, ReadOnlyMemory<byte>.Empty);
                continue;
            }
            byte[] buffer = ArrayPool<byte>.Shared.Rent(options.MaxMessageBytes + 1);
            try
            {
                if (!await ReceiveMessageAsync(buffer)) return;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>Reads one whole message into <paramref name="buffer"/> and handles it; false when the socket is done.</summary>
    private async Task<bool> ReceiveMessageAsync(byte[] buffer)
    {
        int length = 0;
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                ClientClosed();
                return false;
            }
            length += result.Count;
            if (length > options.MaxMessageBytes)
            {
                Reject("message too big");
                Close(WebSocketCloseStatus.MessageTooBig, $"messages are limited to {options.MaxMessageBytes} bytes");
                return false;
            }
            if (result.EndOfMessage)
            {
                Handle(result.MessageType, buffer.AsMemory(0, length));
                return _closeStatus is null;
            }
        }
    }

    /// <summary>The client's close frame arrived: answer it (the writer echoes a normal close).</summary>
    private void ClientClosed()
    {
        _closeReceived = true;
        Close(WebSocketCloseStatus.NormalClosure, "");
    }

    /// <summary>
    /// After we decided to close, keep reading until the client's close frame (bounded): closing a socket with
    /// unread input makes the kernel reset it, and the client would lose the Error and close frames we sent.
    /// </summary>
    private async Task DrainUntilCloseAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(options.SendTimeoutMs + options.CloseTimeoutMs), clock);
        byte[] scratch = ArrayPool<byte>.Shared.Rent(1024);
        try
        {
            while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var result = await socket.ReceiveAsync(scratch.AsMemory(), deadline.Token);
                if (result.MessageType == WebSocketMessageType.Close) return;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    private void Reject(string reason) => metrics.InputRejected(Transport, reason);
}
