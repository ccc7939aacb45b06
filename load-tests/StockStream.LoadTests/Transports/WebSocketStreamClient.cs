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
/// parsing ticks in place; stops with a close handshake when its scenario copy is cancelled. With a reconnect policy, a
/// connection that drops is made again (to the next address first) and the stream resumed from its last seqs, on the same tracker.
/// </summary>
public sealed class WebSocketStreamClient(WebSocketClientOptions options, HttpMessageInvoker invoker)
{
    public async Task<Response> RunAsync(ScenarioContext context)
    {
        var session = new Session(context.Measurements.Symbols.ForClient(context.InstanceNumber, options.SymbolsPerClient));
        var endpoints = options.Endpoints;
        for (int attempt = 0; ; attempt++)
        {
            var (response, dropped) = await ConnectAndReceiveAsync(endpoints[attempt % endpoints.Count], context, session);
            if (!dropped || options.Reconnect is not { } policy || context.CancellationToken.IsCancellationRequested) return response;
            // Dropped (the node died or closed on us): reconnect, to the next address first, and resume where the stream stopped.
            if (session.DroppedAt == 0)
            {
                session.DroppedAt = Stopwatch.GetTimestamp();
                context.Measurements.Counters.AddDrop(response.Error ?? "dropped");
            }
            else context.Measurements.Counters.AddReconnectFailure();
            try
            {
                await Task.Delay(policy.DelayBefore(session.FailedReconnects++), context.CancellationToken);
            }
            catch (OperationCanceledException)
            {
                return Response.Ok();
            }
        }
    }

    /// <summary>One connection; <c>dropped</c> is true when it ended in a way a reconnect may cure (refused, reset, closed by the server).</summary>
    private async Task<(Response Response, bool Dropped)> ConnectAndReceiveAsync(Uri endpoint, ScenarioContext context, Session session)
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
            await socket.ConnectAsync(endpoint, invoker, stop);
        }
        catch (Exception e) when (e is WebSocketException or HttpRequestException && !stop.IsCancellationRequested)
        {
            var failure = Response.Fail(socket.HttpStatusCode is 0 ? $"connect: {e.GetType().Name}" : $"connect: HTTP {(int)socket.HttpStatusCode}");
            return (failure, session.Tracker is not null);
        }
        if (session.Tracker is null) m.ConnectTime.Record((long)Stopwatch.GetElapsedTime(started).TotalMicroseconds);
        if (options.Deflate && !WebSocketDeflate.WasAccepted(socket)) return (Response.Fail("connect: permessage-deflate not accepted"), false);

        var tracker = session.Tracker ??= m.NewTracker();
        m.Counters.ClientConnected();
        using var abort = new CancellationTokenSource();
        await using var closing = stop.Register(() =>
        {
            _ = CloseAsync(socket);
            abort.CancelAfter(options.CloseTimeout);
        });
        try
        {
            // A reconnect waits for the Hello: only a stream of the same epoch can be resumed.
            if (session.Symbols.Length > 0 && session.DroppedAt == 0) await SendAsync(socket, new SubscribeMessage(1, session.Symbols), abort.Token);
            return await ReceiveAsync(socket, m, session, stop, abort.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return (Response.Ok(), false);
        }
        catch (WebSocketException e)
        {
            // Once stopping, a socket torn down under a pending receive is the stop itself, not a failure.
            return stop.IsCancellationRequested ? (Response.Ok(), false) : (Response.Fail(ReceiveFailure.Describe(e)), true);
        }
        catch (Exception e) when (e is MessagePackSerializationException or JsonException or ProtocolException)
        {
            return (Response.Fail($"protocol: {e.GetType().Name}"), false);
        }
        finally
        {
            tracker.EndedEarly = !m.Window.IsClosed;
            m.Counters.ClientDisconnected();
        }
    }

    private async Task<(Response, bool)> ReceiveAsync(ClientWebSocket socket, ScenarioMeasurements m, Session session, CancellationToken stop, CancellationToken abort)
    {
        var tracker = session.Tracker!;
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
                    ? (Response.Ok(), false)
                    : (Response.Fail($"closed: {(int?)socket.CloseStatus} {socket.CloseStatusDescription}".TrimEnd()), true);
            }
            filled += result.Count;
            if (!result.EndOfMessage) continue;
            if (result.MessageType != frameType) m.Counters.AddError($"protocol: {result.MessageType} frame on {options.Format.Subprotocol}");
            var frame = buffer.Array.AsMemory(0, filled);
            var error = OnFrame(frame, m, tracker, out var type);
            if (error is not null) m.Counters.AddError(error);
            if (type is MessageType.Hello or MessageType.SubAck) await OnSessionFrameAsync(socket, frame, type, m, session, abort);
            filled = 0;
        }
    }

    /// <summary>Keeps the Hello's epoch; on a reconnect answers it with a Subscribe that resumes, and counts the reconnect done at its SubAck.</summary>
    private async Task OnSessionFrameAsync(ClientWebSocket socket, ReadOnlyMemory<byte> frame, MessageType type, ScenarioMeasurements m, Session session, CancellationToken abort)
    {
        if (session.DroppedAt == 0)
        {
            if (type == MessageType.Hello && options.Format.ReadServerMessage(frame) is HelloMessage hello) session.Epoch = hello.Epoch;
            return;
        }
        if (type == MessageType.Hello && options.Format.ReadServerMessage(frame) is HelloMessage again)
        {
            var resume = again.Epoch == session.Epoch ? session.Tracker!.ResumePoints() : null;
            session.Epoch = again.Epoch;
            if (session.Symbols.Length > 0) await SendAsync(socket, new SubscribeMessage(1, session.Symbols, resume), abort);
            else Resumed();
        }
        else if (type == MessageType.SubAck) Resumed();

        void Resumed()
        {
            m.ReconnectTime.Record((long)Stopwatch.GetElapsedTime(session.DroppedAt).TotalMicroseconds);
            m.Counters.AddReconnect(UnixTime.NowMicroseconds());
            session.DroppedAt = 0;
            session.FailedReconnects = 0;
        }
    }

    /// <summary>Reads one frame; returns an error kind for an Error message or a rejected symbol, else null.</summary>
    private string? OnFrame(ReadOnlyMemory<byte> frame, ScenarioMeasurements m, StreamTracker tracker, out MessageType type)
    {
        long ticksBefore = tracker.Ticks;
        tracker.BeginFrame(UnixTime.NowMicroseconds());
        type = options.Format.IsText ? JsonFrameReader.Read(frame.Span, tracker) : MessagePackFrameReader.Read(frame, tracker);
        tracker.EndFrame();
        switch (type)
        {
            case MessageType.Ticks:
                m.Counters.AddFrame((int)(tracker.Ticks - ticksBefore), tracker.FrameConflated);
                return null;
            case MessageType.Snapshot:
                m.Counters.AddFrame(0, conflated: false);
                return null;
            case MessageType.Hello:
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

    /// <summary>What one client carries from connection to connection: its symbols, its stream's seqs and epoch, and since when it is down.</summary>
    private sealed class Session(string[] symbols)
    {
        public string[] Symbols { get; } = symbols;
        public StreamTracker? Tracker { get; set; }
        public string? Epoch { get; set; }
        /// <summary>Stopwatch timestamp of the drop being recovered from; 0 while connected.</summary>
        public long DroppedAt { get; set; }
        public int FailedReconnects { get; set; }
    }
}
