using System.Net.WebSockets;

namespace StockStream.Tests.Infrastructure;

/// <summary>
/// A server-side socket whose peer reads nothing: every send stays in flight until <see cref="Abort"/>, which then ends
/// the pending receive first and completes the send without an error, the way Kestrel completes a write to an aborted
/// connection. Continuations run inline, so the order is the same on every run.
/// </summary>
internal sealed class StallingWebSocket : WebSocket
{
    private readonly TaskCompletionSource _aborted = new();
    private readonly TaskCompletionSource<ValueWebSocketReceiveResult> _receive = new();
    private WebSocketState _state = WebSocketState.Open;

    /// <summary>Completes when the first send is in flight.</summary>
    public TaskCompletionSource SendStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override WebSocketCloseStatus? CloseStatus => null;

    public override string? CloseStatusDescription => null;

    public override WebSocketState State => _state;

    public override string? SubProtocol => null;

    public override void Abort()
    {
        if (_state == WebSocketState.Aborted) return;
        _state = WebSocketState.Aborted;
        _receive.TrySetException(new WebSocketException(WebSocketError.ConnectionClosedPrematurely));
        _aborted.TrySetResult();
    }

    public override ValueTask<ValueWebSocketReceiveResult> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken) =>
        new(_receive.Task);

    public override async ValueTask SendAsync(ReadOnlyMemory<byte> buffer, WebSocketMessageType messageType, bool endOfMessage,
        CancellationToken cancellationToken)
    {
        if (_state != WebSocketState.Open) throw new WebSocketException(WebSocketError.InvalidState);
        SendStarted.TrySetResult();
        await _aborted.Task;
    }

    public override Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public override Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken) =>
        SendAsync(buffer.AsMemory(), messageType, endOfMessage, cancellationToken).AsTask();

    public override Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public override Task CloseOutputAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public override void Dispose() => Abort();
}
