using System.Diagnostics;
using System.Net.WebSockets;
using MessagePack;
using StockStream.LoadTests.Engine;
using StockStream.LoadTests.Metrics;
using StockStream.LoadTests.Wire;
using StockStream.Protocol;

namespace StockStream.LoadTests.Transports;

/// <summary>
/// One subscriber of the SignalR baseline at <c>/hub</c>: a WebSocket straight to the hub (no negotiate round trip,
/// as SignalR's clients do with skipNegotiation), the MessagePack hub protocol's handshake, one <c>Subscribe</c>
/// invocation, then the frames read in place like the other transports' — so the client's own cost stays comparable.
/// </summary>
public sealed class SignalRStreamClient(WebSocketClientOptions options, HttpMessageInvoker invoker)
{
    // The hub drops a client silent for 30 s (SignalR's ClientTimeoutInterval); its own clients ping every 15 s.
    private static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(15);

    public async Task<Response> RunAsync(ScenarioContext context)
    {
        var m = context.Measurements;
        var stop = context.CancellationToken;
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;

        long started = Stopwatch.GetTimestamp();
        m.Counters.AddRequest();
        try
        {
            await socket.ConnectAsync(options.Endpoint, invoker, stop);
            await socket.SendAsync(HubProtocolReader.Handshake, WebSocketMessageType.Text, endOfMessage: true, stop);
        }
        catch (Exception e) when (e is WebSocketException or HttpRequestException && !stop.IsCancellationRequested)
        {
            return Response.Fail(socket.HttpStatusCode is 0 ? $"connect: {e.GetType().Name}" : $"connect: HTTP {(int)socket.HttpStatusCode}");
        }

        var tracker = m.NewTracker();
        var observer = new QuoteFloor(m.Symbols, tracker);
        using var abort = new CancellationTokenSource();
        await using var closing = stop.Register(() =>
        {
            _ = CloseAsync(socket);
            abort.CancelAfter(options.CloseTimeout);
        });
        bool connected = false;
        try
        {
            using var buffer = new PooledBuffer(options.ReceiveBufferBytes);
            int filled = await ReadHandshakeAsync(socket, buffer, abort.Token);
            m.ConnectTime.Record((long)Stopwatch.GetElapsedTime(started).TotalMicroseconds);
            m.Counters.ClientConnected();
            connected = true;
            var symbols = m.Symbols.ForClient(context.InstanceNumber, options.SymbolsPerClient);
            if (symbols.Length > 0)
                await socket.SendAsync(HubProtocolReader.Invocation("1", "Subscribe", symbols), WebSocketMessageType.Binary, endOfMessage: true, abort.Token);
            _ = PingAsync(socket, abort.Token);
            return await ReceiveAsync(socket, buffer, filled, m, tracker, observer, stop, abort.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return Response.Ok();
        }
        catch (WebSocketException e)
        {
            return stop.IsCancellationRequested ? Response.Ok() : Response.Fail(ReceiveFailure.Describe(e));
        }
        catch (Exception e) when (e is MessagePackSerializationException or EndOfStreamException or InvalidDataException)
        {
            return Response.Fail($"protocol: {e.GetType().Name}");
        }
        finally
        {
            tracker.EndedEarly = !m.Window.IsClosed;
            if (connected) m.Counters.ClientDisconnected();
            abort.Cancel();
        }
    }

    /// <summary>Reads up to the handshake answer's record separator; returns how many bytes after it are already buffered.</summary>
    private static async Task<int> ReadHandshakeAsync(ClientWebSocket socket, PooledBuffer buffer, CancellationToken cancellationToken)
    {
        int filled = 0;
        while (true)
        {
            if (filled == buffer.Length) buffer.Grow(filled);
            var result = await socket.ReceiveAsync(buffer.Array.AsMemory(filled), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close) throw new EndOfStreamException("The hub closed during the handshake.");
            filled += result.Count;
            int end = buffer.Array.AsSpan(0, filled).IndexOf((byte)0x1e);
            if (end < 0) continue;
            // The answer is {} or {"error": "..."}.
            if (end > 2) throw new InvalidDataException($"Handshake refused: {System.Text.Encoding.UTF8.GetString(buffer.Array, 0, end)}");
            buffer.Array.AsSpan(end + 1, filled - end - 1).CopyTo(buffer.Array);
            return filled - end - 1;
        }
    }

    private static async Task<Response> ReceiveAsync(ClientWebSocket socket, PooledBuffer buffer, int filled, ScenarioMeasurements m,
        StreamTracker tracker, IStreamObserver observer, CancellationToken stop, CancellationToken abort)
    {
        tracker.BeginFrame(UnixTime.NowMicroseconds());
        while (true)
        {
            var closed = Consume(buffer, ref filled, m, tracker, observer);
            tracker.EndFrame();
            if (closed is not null) return closed;
            ValueWebSocketReceiveResult result;
            do
            {
                if (filled == buffer.Length) buffer.Grow(filled);
                result = await socket.ReceiveAsync(buffer.Array.AsMemory(filled), abort);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return stop.IsCancellationRequested
                        ? Response.Ok()
                        : Response.Fail($"closed: {(int?)socket.CloseStatus} {socket.CloseStatusDescription}".TrimEnd());
                }
                filled += result.Count;
            } while (!result.EndOfMessage);
            tracker.BeginFrame(UnixTime.NowMicroseconds());
        }
    }

    /// <summary>Reads every whole hub message buffered, keeping a partial one at the front; a Close message ends the run.</summary>
    private static Response? Consume(PooledBuffer buffer, ref int filled, ScenarioMeasurements m, StreamTracker tracker, IStreamObserver observer)
    {
        int offset = 0;
        while (offset < filled)
        {
            long ticksBefore = tracker.Ticks;
            if (!HubProtocolReader.TryRead(buffer.Array.AsMemory(offset, filled - offset), observer, out var message)) break;
            offset += message.Length;
            switch (message.Type)
            {
                case HubProtocolReader.InvocationType when message.Error is not null:
                    m.Counters.AddError($"protocol: {message.Error}");
                    break;
                case HubProtocolReader.InvocationType:
                    m.Counters.AddFrame((int)(tracker.Ticks - ticksBefore), conflated: false);
                    break;
                case HubProtocolReader.CompletionType when message.Error is not null:
                    m.Counters.AddError("rejected: hub error");
                    break;
                case HubProtocolReader.CloseType:
                    return Response.Fail($"closed by the hub: {message.Error ?? "no reason"}");
            }
        }
        buffer.Array.AsSpan(offset, filled - offset).CopyTo(buffer.Array);
        filled -= offset;
        return null;
    }

    private static async Task PingAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        try
        {
            using var timer = new PeriodicTimer(PingInterval);
            while (await timer.WaitForNextTickAsync(cancellationToken))
                await socket.SendAsync(HubProtocolReader.Ping, WebSocketMessageType.Binary, endOfMessage: true, cancellationToken);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The connection is ending: the receive loop reports why.
        }
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
