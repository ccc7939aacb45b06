using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StockStream.Protocol;
using StockStream.Protocol.Http;
using StockStream.Protocol.Messages;

namespace StockStream.LoadTests.Tests.Transports;

/// <summary>
/// A Kestrel server on a free loopback port that speaks docs/protocol.md's WebSocket, long-poll and SSE shapes for the one
/// symbol of a <see cref="FakeMarket"/>: a quote, then every tick as it falls due; enough to drive the real clients over real sockets.
/// </summary>
internal sealed class FakeStreamServer : IAsyncDisposable
{
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(5);
    private readonly WebApplication _app;
    private readonly FakeMarket _market = new();
    private int _polls;

    private FakeStreamServer(WebApplication app) => _app = app;

    public Uri BaseAddress => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");

    /// <summary>Long-poll requests answered so far.</summary>
    public int Polls => Volatile.Read(ref _polls);

    /// <summary>WebSocket: after this many ticks, close with <see cref="CloseStatus"/>; null streams until the client closes.</summary>
    public int? CloseAfterTicks { get; set; }

    public int CloseStatus { get; set; } = CloseCodes.SlowConsumer;

    /// <summary>WebSocket: drop the 11th–14th ticks after the snapshot and flag the frame of the 15th conflated. Default true.</summary>
    public bool ConflateSomeTicks { get; set; } = true;

    /// <summary>How far ahead of this machine's clock the server's Pongs say it is, µs. Default 0.</summary>
    public long ClockSkewMicros { get; set; }

    /// <summary>WebSocket: accept permessage-deflate when offered. Default false.</summary>
    public bool Compress { get; set; }

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
        app.MapGet("/api/symbols", () => Results.Json(new[] { new { symbol = FakeMarket.Symbol, name = "Apple Inc." } }));
        if (longPolling) app.MapGet("/api/poll", server.PollAsync);
        if (sse) app.MapGet("/api/sse", server.SseAsync);
        await app.StartAsync();
        return server;
    }

    /// <summary>Without a cursor: the quote; with one: every tick after it, once at least one has fallen due.</summary>
    private async Task PollAsync(HttpContext context)
    {
        Interlocked.Increment(ref _polls);
        var cursor = context.Request.Query["cursor"];
        ulong due = _market.DueSeq;
        ulong after = cursor.Count == 1 ? ulong.Parse(cursor[0]!.TrimStart('c')) : due;
        while (cursor.Count == 1 && (due = _market.DueSeq) <= after) await Task.Delay(Pace, context.RequestAborted);

        var ticks = Ticks(after, due);
        var answer = new PollAnswerMessage($"c{due}", ticks, Missed: false, cursor.Count == 0 ? [_market.QuoteAt(due)] : [], MarketState.Open, "e1", FakeMarket.NowMicros);
        var format = PollAnswerFormat.MessagePack;
        context.Response.ContentType = format.ContentType;
        await context.Response.Body.WriteAsync(format.ToArray(answer), context.RequestAborted);
    }

    private Tick[] Ticks(ulong after, ulong upTo) => [.. Enumerable.Range(1, (int)(upTo - after)).Select(i => _market.TickAt(after + (ulong)i))];

    private static string EventData(PollAnswerMessage answer) => Encoding.UTF8.GetString(PollAnswerFormat.Json.ToArray(answer));

    private async Task SseAsync(HttpContext context)
    {
        context.Response.ContentType = "text/event-stream";
        ulong last = _market.DueSeq;
        var quote = _market.QuoteAt(last);
        await WriteEventAsync(context, $"c{last}", EventData(new PollAnswerMessage($"c{last}", [], false, [quote], MarketState.Open, "e1", FakeMarket.NowMicros)));
        await WriteEventAsync(context, null, """{"market":"open","time":1}""", "market");
        while (!context.RequestAborted.IsCancellationRequested)
        {
            await Task.Delay(Pace, context.RequestAborted);
            ulong due = _market.DueSeq;
            if (due == last) continue;
            var ticks = Ticks(last, due);
            last = due;
            await WriteEventAsync(context, $"c{due}", EventData(new PollAnswerMessage($"c{due}", ticks, false, [], MarketState.Open, "e1", FakeMarket.NowMicros)));
        }
    }

    private static async Task WriteEventAsync(HttpContext context, string? id, string data, string type = "ticks")
    {
        await context.Response.WriteAsync($"event: {type}\n{(id is null ? "" : $"id: {id}\n")}data: {data}\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    /// <summary>Hello; Pongs for Pings; then SubAck, Snapshot, and every tick as it falls due, one per frame.</summary>
    private async Task WebSocketAsync(HttpContext context)
    {
        var offered = context.WebSockets.WebSocketRequestedProtocols;
        var format = WireFormat.FromSubprotocol(offered.FirstOrDefault()) ?? WireFormat.MessagePack;
        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { SubProtocol = offered.FirstOrDefault(), DangerousEnableCompression = Compress });
        var type = format.IsText ? WebSocketMessageType.Text : WebSocketMessageType.Binary;
        var stop = context.RequestAborted;
        await socket.SendAsync(format.ToArray(new HelloMessage(1, "c1", FakeMarket.NowMicros, 15_000, 100, "e1")), type, true, stop);

        var buffer = new byte[4096];
        var received = await socket.ReceiveAsync(buffer, stop);
        var message = format.ReadClientMessage(buffer.AsMemory(0, received.Count));
        while (message is PingMessage ping)
        {
            await socket.SendAsync(format.ToArray(new PongMessage(ping.RawClientTime, FakeMarket.NowMicros + ClockSkewMicros)), type, true, stop);
            received = await socket.ReceiveAsync(buffer, stop);
            if (received.MessageType == WebSocketMessageType.Close) return;
            message = format.ReadClientMessage(buffer.AsMemory(0, received.Count));
        }
        var subscribe = (SubscribeMessage)message;
        await socket.SendAsync(format.ToArray(new SubAckMessage(subscribe.ReqId, subscribe.Symbols, [])), type, true, stop);
        ulong snapshot = _market.DueSeq;
        await socket.SendAsync(format.ToArray(new SnapshotMessage([_market.QuoteAt(snapshot)])), type, true, stop);
        var closing = socket.ReceiveAsync(buffer, stop); // completes when the client closes

        int sent = 0;
        for (ulong seq = snapshot + 1; !closing.IsCompleted; seq++)
        {
            while (_market.DueSeq < seq && !closing.IsCompleted) await Task.WhenAny(closing, Task.Delay(Pace, stop));
            if (ConflateSomeTicks && seq - snapshot is >= 11 and <= 14) continue;
            if (sent++ == CloseAfterTicks)
            {
                await socket.CloseAsync((WebSocketCloseStatus)CloseStatus, "too slow", stop);
                return;
            }
            var frame = new ArrayBufferWriter<byte>();
            var flags = ConflateSomeTicks && seq - snapshot == 15 ? TickFlags.Conflated : TickFlags.None;
            format.WriteTicksFrame(frame, [new EncodedTick(_market.TickAt(seq))], flags);
            if (!closing.IsCompleted) await socket.SendAsync(frame.WrittenMemory, type, true, stop);
        }
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, stop);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
