using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;
using MessagePack;
using StockStream.LoadTests.Engine;
using StockStream.LoadTests.Metrics;
using StockStream.LoadTests.Wire;
using StockStream.Protocol;
using StockStream.Protocol.Messages;

namespace StockStream.LoadTests.Transports;

/// <summary>
/// One WebSocket subscriber: connects, subscribes to its symbols, and reads frames into a pooled buffer,
/// parsing ticks in place; stops with a close handshake when its scenario copy is cancelled.
/// </summary>
public sealed class WebSocketStreamClient(WebSocketClientOptions options, HttpMessageInvoker invoker)
{
    public async Task<Response> RunAsync(ScenarioContext context)
    {
        var m = context.Measurements;
        var stop = context.CancellationToken;
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(options.Format.Subprotocol);
        socket.Options.CollectHttpResponseDetails = true;
        if (options.Deflate) socket.Options.DangerousDeflateOptions = WebSocketDeflate.BrowserOffer();

        long started = Stopwatch.GetTimestamp();
        m.Counters.AddRequest();
        try
        {
            await socket.ConnectAsync(options.Endpoint, invoker, stop);
        }
        catch (Exception e) when (e is WebSocketException or HttpRequestException && !stop.IsCancellationRequested)
        {
            return Response.Fail(socket.HttpStatusCode is 0 ? $"connect: {e.GetType().Name}" : $"connect: HTTP {(int)socket.HttpStatusCode}");
        }
        m.ConnectTime.Record((long)Stopwatch.GetElapsedTime(started).TotalMicroseconds);
        if (options.Deflate && !WebSocketDeflate.WasAccepted(socket)) return Response.Fail("connect: permessage-deflate not accepted");

        var tracker = m.NewTracker();
        m.Counters.ClientConnected();
        using var abort = new CancellationTokenSource();
        await using var closing = stop.Register(() =>
        {
            _ = CloseAsync(socket);
            abort.CancelAfter(options.CloseTimeout);
        });
        try
        {
            var symbols = m.Symbols.ForClient(context.InstanceNumber, options.SymbolsPerClient);
            if (symbols.Length > 0) await SendAsync(socket, new SubscribeMessage(1, symbols), abort.Token);
            return await ReceiveAsync(socket, m, tracker, stop, abort.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return Response.Ok();
        }
        catch (WebSocketException e)
        {
            // Once stopping, a socket torn down under a pending receive is the stop itself, not a failure.
            return stop.IsCancellationRequested ? Response.Ok() : Response.Fail($"receive: {e.WebSocketErrorCode}");
        }
        catch (Exception e) when (e is MessagePackSerializationException or JsonException or ProtocolException)
        {
            return Response.Fail($"protocol: {e.GetType().Name}");
        }
        finally
        {
            tracker.EndedEarly = !m.Window.IsClosed;
            m.Counters.ClientDisconnected();
        }
    }

    private async Task<Response> ReceiveAsync(ClientWebSocket socket, ScenarioMeasurements m, StreamTracker tracker, CancellationToken stop, CancellationToken abort)
    {
        using var buffer = new PooledBuffer(options.ReceiveBufferBytes);
        long pauseAt = options.PauseReadingAfter is { } after ? Stopwatch.GetTimestamp() + (long)(after.TotalSeconds * Stopwatch.Frequency) : long.MaxValue;
        var frameType = options.Format.IsText ? WebSocketMessageType.Text : WebSocketMessageType.Binary;
        int filled = 0;
        while (true)
        {
            if (Stopwatch.GetTimestamp() >= pauseAt)
            {
                pauseAt = long.MaxValue;
                await Task.Delay(options.PauseReadingFor, stop); // a slow consumer: leave the server's frames unread
            }
            if (filled == buffer.Length) buffer.Grow(filled);
            var result = await socket.ReceiveAsync(buffer.Array.AsMemory(filled), abort);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return stop.IsCancellationRequested
                    ? Response.Ok()
                    : Response.Fail($"closed: {(int?)socket.CloseStatus} {socket.CloseStatusDescription}".TrimEnd());
            }
            filled += result.Count;
            if (!result.EndOfMessage) continue;
            if (result.MessageType != frameType) m.Counters.AddError($"protocol: {result.MessageType} frame on {options.Format.Subprotocol}");
            var error = OnFrame(buffer.Array.AsMemory(0, filled), m, tracker);
            if (error is not null) m.Counters.AddError(error);
            filled = 0;
        }
    }

    /// <summary>Reads one frame; returns an error kind for an Error message or a rejected symbol, else null.</summary>
    private string? OnFrame(ReadOnlyMemory<byte> frame, ScenarioMeasurements m, StreamTracker tracker)
    {
        long ticksBefore = tracker.Ticks;
        tracker.BeginFrame(UnixClock.NowMicros);
        var type = options.Format.IsText ? JsonFrameReader.Read(frame.Span, tracker) : MessagePackFrameReader.Read(frame, tracker);
        switch (type)
        {
            case MessageType.Ticks:
                m.Counters.AddFrame((int)(tracker.Ticks - ticksBefore), tracker.FrameConflated);
                return null;
            case MessageType.Snapshot:
                m.Counters.AddFrame(0, conflated: false);
                return null;
        }
        // Rare frames are decoded in full by the protocol's own codec.
        return options.Format.ReadServerMessage(frame) switch
        {
            ErrorMessage e => $"error frame: {e.Code}",
            SubAckMessage { Rejected.Count: > 0 } ack => $"rejected: {ack.Rejected[0].Reason}",
            _ => null,
        };
    }

    private async Task SendAsync(ClientWebSocket socket, ClientMessage message, CancellationToken cancellationToken)
    {
        var bytes = options.Format.ToArray(message);
        var type = options.Format.IsText ? WebSocketMessageType.Text : WebSocketMessageType.Binary;
        await socket.SendAsync(bytes, type, endOfMessage: true, cancellationToken);
    }

    private static async Task CloseAsync(ClientWebSocket socket)
    {
        try
        {
            if (socket.State == WebSocketState.Open) await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException)
        {
            // The connection failed or closed meanwhile: the receive loop reports that.
        }
    }
}
