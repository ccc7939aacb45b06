using System.Net.WebSockets;
using StockStream.Protocol;
using StockStream.Server.Streaming;

namespace StockStream.Server.Transports.WebSockets;

internal sealed partial class WebSocketConnection
{
    private long _sendStarted;
    private volatile bool _sendStalled;

    /// <summary>The only sender on this socket: one outstanding send at a time, each bounded by the send timeout.</summary>
    private async Task WriteLoopAsync()
    {
        var buffer = new PooledBufferWriter();
        var messageType = format.IsText ? WebSocketMessageType.Text : WebSocketMessageType.Binary;
        try
        {
            long lastTickFrame = 0;
            while (true)
            {
                var woken = _queue.WaitAsync();
                bool suspended = !woken.IsCompleted;
                await woken;
                if (suspended) budget.WakeObserved(System.Diagnostics.Stopwatch.GetTimestamp() - _queue.WokenAt);
                // Latency first: send at once, unless the server is over its frame budget and this connection sent a
                // moment ago; then its ticks gather until its own gap has passed.
                if (!_queue.NeedsPromptSend && budget.Defer(_queue, lastTickFrame)) await _queue.WaitAsync();
                while (ConflateStale() && _queue.TryTake(out var item))
                {
                    if (item.Message is { } message) format.Write(buffer, message);
                    else format.WriteTicksFrame(buffer, item.Ticks, item.Flags);
                    await SendAsync(buffer.WrittenMemory, messageType);
                    metrics.Sent(Transport, item.Ticks.Count, buffer.WrittenCount);
                    buffer.Reset();
                    if (item.Message is null)
                    {
                        lastTickFrame = clock.GetTimestamp();
                        budget.FrameSent(item.Ticks.Count);
                    }
                }
                buffer.Release();
                if (_queue.Overflowed) Close((WebSocketCloseStatus)CloseCodes.SlowConsumer, "reading too slowly");
                if (_queue.IsCompleted) break;
            }
            await SendCloseAsync();
        }
        catch (Exception) when (_sendStalled)
        {
            // The watchdog aborted the socket under a stalled send (and counted it): no close frame can follow.
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            WentAway(e);
            socket.Abort();
        }
        finally
        {
            buffer.Release();
        }
    }

    /// <summary>Conflates the backlog when its oldest tick waited past the bound; always true, to sit in the take loop's condition.</summary>
    private bool ConflateStale()
    {
        _queue.ConflateIfOlderThan(clock.NowMicroseconds() - options.ConflateAfterMs * 1_000L);
        return true;
    }

    private async ValueTask SendAsync(ReadOnlyMemory<byte> frame, WebSocketMessageType type)
    {
        Volatile.Write(ref _sendStarted, clock.GetTimestamp());
        try
        {
            await socket.SendAsync(frame, type, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            Volatile.Write(ref _sendStarted, 0);
        }
    }

    /// <summary>
    /// Called by the <see cref="SendWatchdog"/> about once a second. The stall is counted here, where it is decided:
    /// Kestrel completes a write to an aborted connection without an error, so the writer may never see one.
    /// </summary>
    public void AbortIfSendStalled(long now, TimeSpan timeout)
    {
        long started = Volatile.Read(ref _sendStarted);
        if (started == 0 || _sendStalled || clock.GetElapsedTime(started, now) <= timeout) return;
        _sendStalled = true;
        metrics.SendStalled(Transport);
        WebSocketLog.SendStalled(logger, id, options.SendTimeoutMs);
        socket.Abort();
    }

    /// <summary>Sends our close frame and waits (bounded) for the client's, which the receive loop consumes.</summary>
    private async Task SendCloseAsync()
    {
        if (_closeStatus is not { } status || socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived)) return;
        if (status != WebSocketCloseStatus.NormalClosure) WebSocketLog.ClosedByServer(logger, id, status, _closeReason);
        Volatile.Write(ref _sendStarted, clock.GetTimestamp());
        await socket.CloseOutputAsync(status, _closeReason, CancellationToken.None);
        Volatile.Write(ref _sendStarted, 0);
        if (socket.State == WebSocketState.CloseSent)
        {
            try
            {
                await _receiveEnded.Task.WaitAsync(TimeSpan.FromMilliseconds(options.CloseTimeoutMs), clock);
            }
            catch (TimeoutException)
            {
                socket.Abort();
            }
        }
    }
}
