using System.Buffers;
using System.Text;
using MessagePack;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.Net.WebSockets;
using StockStream.Protocol;
using StockStream.Protocol.Messages;

namespace StockStream.LoadTests.Tests.Transports;

/// <summary>
/// A Kestrel server on a free loopback port that speaks PROTOCOL.md's WebSocket, long-poll and SSE shapes for one symbol:
/// a quote at seq 10, then one tick per frame, answer or event, seq 11, 12, ...; enough to drive the real clients over real sockets.
/// </summary>
internal sealed class FakeStreamServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeStreamServer(WebApplication app) => _app = app;

    public Uri BaseAddress => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");

    private int _polls;

    /// <summary>Long-poll requests answered so far.</summary>
    public int Polls => Volatile.Read(ref _polls);

    /// <summary>Starts the server; without <paramref name="longPolling"/> or <paramref name="sse"/> those endpoints answer 404.</summary>
    public static async Task<FakeStreamServer> StartAsync(bool longPolling = true, bool sse = true)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeStreamServer(app);
        app.UseWebSockets();
        app.Map("/ws", server.WebSocketAsync);
        app.MapGet("/api/symbols", () => Results.Json(new[] { new { symbol = "AAPL", name = "Apple Inc." } }));
        if (longPolling) app.MapGet("/api/poll", server.PollAsync);
        if (sse) app.MapGet("/api/sse", server.SseAsync);
        await app.StartAsync();
        return server;
    }

    /// <summary>WebSocket: after this many ticks, close with <see cref="CloseStatus"/>; null streams until the client closes.</summary>
    public int? CloseAfterTicks { get; set; }

    public int CloseStatus { get; set; } = CloseCodes.SlowConsumer;

    /// <summary>WebSocket: conflate seqs 21–24 away (flagging the frame of seq 25). Default true.</summary>
    public bool ConflateSomeTicks { get; set; } = true;

    /// <summary>How far ahead of this machine's clock the server's Pongs say it is, µs. Default 0.</summary>
    public long ClockSkewMicros { get; set; }

    private static long Now => (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) / 10;

    private async Task PollAsync(HttpContext context)
    {
        Interlocked.Increment(ref _polls);
        ulong last = context.Request.Query["cursor"] is { Count: 1 } cursor ? ulong.Parse(cursor[0]!.TrimStart('c')) : 10;
        bool first = !context.Request.Query.ContainsKey("cursor");
        if (!first) await Task.Delay(10, context.RequestAborted); // held until the next tick falls due
        var body = new ArrayBufferWriter<byte>();
        var w = new MessagePackWriter(body);
        w.WriteArrayHeader(6);
        w.Write(first ? "c10" : $"c{last + 1}");
        w.WriteArrayHeader(first ? 0 : 1);
        if (!first) w.WriteRaw(new EncodedTick(new Tick("AAPL", last + 1, 100, 1, Now)).MessagePack);
        w.Write(0);
        w.WriteArrayHeader(first ? 1 : 0);
        if (first)
        {
            w.WriteArrayHeader(8);
            w.Write("AAPL"); w.Write(10UL); w.Write(100.0); w.Write(99.0); w.Write(101.0); w.Write(98.0); w.Write(1000L); w.Write(Now);
        }
        w.Write("open");
        w.Write("e1");
        w.Flush();
        context.Response.ContentType = "application/x-msgpack";
        await context.Response.Body.WriteAsync(body.WrittenMemory, context.RequestAborted);
    }

    private async Task SseAsync(HttpContext context)
    {
        context.Response.ContentType = "text/event-stream";
        const string quote = """{"symbol":"AAPL","seq":10,"price":100,"open":99,"high":101,"low":98,"volume":1000,"time":1}""";
        await WriteEventAsync(context, "c10", $$"""{"cursor":"c10","ticks":[],"missed":false,"quotes":[{{quote}}],"market":"open","epoch":"e1"}""");
        await WriteEventAsync(context, null, """{"market":"open","time":1}""", "market");
        for (ulong seq = 11; !context.RequestAborted.IsCancellationRequested; seq++)
        {
            await Task.Delay(10, context.RequestAborted);
            var tick = Encoding.UTF8.GetString(new EncodedTick(new Tick("AAPL", seq, 100, 1, Now)).JsonObject);
            await WriteEventAsync(context, $"c{seq}", $$"""{"cursor":"c{{seq}}","ticks":[{{tick}}],"missed":false,"quotes":[],"market":"open","epoch":"e1"}""");
        }
    }

    private static async Task WriteEventAsync(HttpContext context, string? id, string data, string type = "ticks")
    {
        var text = $"event: {type}\n{(id is null ? "" : $"id: {id}\n")}data: {data}\n\n";
        await context.Response.WriteAsync(text, context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>Hello, SubAck, Snapshot at seq 10, then ticks from 11, one per frame (21–24 conflated away when asked).</summary>
    private async Task WebSocketAsync(HttpContext context)
    {
        var offered = context.WebSockets.WebSocketRequestedProtocols;
        var format = WireFormat.FromSubprotocol(offered.FirstOrDefault()) ?? WireFormat.MessagePack;
        using var socket = await context.WebSockets.AcceptWebSocketAsync(offered.FirstOrDefault());
        var type = format.IsText ? WebSocketMessageType.Text : WebSocketMessageType.Binary;
        var stop = context.RequestAborted;
        await socket.SendAsync(format.ToArray(new HelloMessage(1, "c1", Now, 15_000, 100, "e1")), type, true, stop);

        var buffer = new byte[4096];
        var received = await socket.ReceiveAsync(buffer, stop);
        var message = format.ReadClientMessage(buffer.AsMemory(0, received.Count));
        while (message is PingMessage ping)
        {
            await socket.SendAsync(format.ToArray(new PongMessage(ping.RawClientTime, Now + ClockSkewMicros)), type, true, stop);
            received = await socket.ReceiveAsync(buffer, stop);
            if (received.MessageType == WebSocketMessageType.Close) return;
            message = format.ReadClientMessage(buffer.AsMemory(0, received.Count));
        }
        var subscribe = (SubscribeMessage)message;
        await socket.SendAsync(format.ToArray(new SubAckMessage(subscribe.ReqId, subscribe.Symbols, [])), type, true, stop);
        await socket.SendAsync(format.ToArray(new SnapshotMessage([new Quote("AAPL", 10, 100, 99, 101, 98, 1000, Now)])), type, true, stop);
        var closing = socket.ReceiveAsync(buffer, stop); // completes when the client closes

        int sent = 0;
        for (ulong seq = 11; !closing.IsCompleted; seq = seq == 20 && ConflateSomeTicks ? 25 : seq + 1, sent++)
        {
            if (sent == CloseAfterTicks)
            {
                await socket.CloseAsync((WebSocketCloseStatus)CloseStatus, "too slow", stop);
                return;
            }
            var frame = new ArrayBufferWriter<byte>();
            format.WriteTicksFrame(frame, [new EncodedTick(new Tick("AAPL", seq, 100, 1, Now))], seq == 25 && ConflateSomeTicks ? TickFlags.Conflated : TickFlags.None);
            await socket.SendAsync(frame.WrittenMemory, type, true, stop);
            await Task.WhenAny(closing, Task.Delay(5, stop));
        }
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, stop);
    }
}
