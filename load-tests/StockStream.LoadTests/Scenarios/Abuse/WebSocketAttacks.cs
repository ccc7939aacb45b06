using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using StockStream.LoadTests.Engine;
using StockStream.Protocol.Messages;

namespace StockStream.LoadTests.Scenarios.Abuse;

/// <summary>The attacks on <c>/ws</c>: floods of handshakes, connections and messages, bad frames, readers that never read, huge resumes.</summary>
public static class WebSocketAttacks
{
    /// <summary>Connections one address may hold by default (<c>ClientLimits:ConnectionsPerClient</c>): the flood asks for more.</summary>
    public const int PerAddressConnections = 1_000;

    public static IEnumerable<Attack> All(Func<int, IPAddress> address) =>
    [
        new("handshake-flood", "300 WebSocket handshakes a second, each dropped at once without a close (3× the per-address rate)",
            address(2), Attack.Injected(300, TimeSpan.FromSeconds(5)), HandshakeAndDrop),
        new("connection-flood", $"{PerAddressConnections + 100:N0} idle WebSockets held from one address, 100 beyond its limit",
            address(3), Attack.Constant(PerAddressConnections + 100), HoldIdle),
        new("message-flood", "20 sockets sending Subscribe/Unsubscribe as fast as they can, past the message rate limit",
            address(4), Attack.Constant(20), FloodMessages),
        new("legal-churn", "20 sockets changing subscriptions at 40 messages/s, within the limit: none may be closed",
            address(5), Attack.Constant(20), ChurnWithinTheLimit),
        new("bad-frames", "20 handshakes a second sending oversized (8 KiB), malformed or text frames",
            address(6), Attack.Injected(20, TimeSpan.FromSeconds(5)), SendBadFrames),
        new("slow-readers", "50 sockets subscribed to every symbol that never read (4 KiB receive buffer)",
            address(7), Attack.Constant(50), SubscribeAndNeverRead) { ReceiveBufferBytes = 4096 },
        new("resume-replay", "20 sockets that resume every symbol from seq - 5,000 thirty times (ten messages a second) and never read",
            address(8), Attack.Constant(20), ResumeHugeAndNeverRead) { ReceiveBufferBytes = 4096 },
        new("resume-readers", "5 sockets that resume every symbol from seq - 5,000 five times a second (ten messages) and read it all",
            address(9), Attack.Constant(5), ResumeHugeAndRead),
    ];

    private static Func<ScenarioContext, Task<Response>> HandshakeAndDrop(AttackTarget target) => ctx => OnSocketAsync(target, ctx, socket =>
    {
        socket.Abort(); // gone without a close frame: the server must notice and free the slot
        return Task.FromResult(Response.Ok());
    });

    private static Func<ScenarioContext, Task<Response>> HoldIdle(AttackTarget target) => ctx =>
        OnSocketAsync(target, ctx, socket => UntilStoppedAsync(AttackTarget.ReadUntilClosedAsync(socket, ctx.CancellationToken), ctx));

    private static Func<ScenarioContext, Task<Response>> FloodMessages(AttackTarget target) => ctx =>
    {
        var symbols = ctx.Measurements.Symbols.ForClient(ctx.InstanceNumber, 10);
        return OnSocketAsync(target, ctx, socket => SendWhileReadingAsync(socket, ctx, pace: null, i => i < 2_000 ? Churn(i, symbols) : null));
    };

    private static Func<ScenarioContext, Task<Response>> ChurnWithinTheLimit(AttackTarget target) => ctx =>
    {
        var symbols = ctx.Measurements.Symbols.ForClient(ctx.InstanceNumber, 10);
        return OnSocketAsync(target, ctx, socket => SendWhileReadingAsync(socket, ctx, TimeSpan.FromMilliseconds(25), i => Churn(i, symbols)));
    };

    private static Func<ScenarioContext, Task<Response>> SendBadFrames(AttackTarget target) => ctx => OnSocketAsync(target, ctx, async socket =>
    {
        var closed = AttackTarget.ReadUntilClosedAsync(socket, ctx.CancellationToken);
        var random = new Random(ctx.InstanceNumber);
        try
        {
            switch (ctx.InstanceNumber % 3)
            {
                case 0:
                    await socket.SendAsync(new byte[8 * 1024], WebSocketMessageType.Binary, true, ctx.CancellationToken);
                    break;
                case 1:
                    for (int i = 0; i < 3; i++)
                    {
                        var garbage = new byte[random.Next(1, 64)];
                        random.NextBytes(garbage);
                        garbage[0] = 0xc1; // never valid MessagePack
                        await socket.SendAsync(garbage, WebSocketMessageType.Binary, true, ctx.CancellationToken);
                    }
                    break;
                default:
                    await socket.SendAsync("[1,1,[\"AAPL\"]]"u8.ToArray(), WebSocketMessageType.Text, true, ctx.CancellationToken);
                    break;
            }
        }
        catch (WebSocketException)
        {
            // Closed before the last frame went out.
        }
        return await UntilStoppedAsync(closed, ctx);
    });

    private static Func<ScenarioContext, Task<Response>> SubscribeAndNeverRead(AttackTarget target) => ctx => OnSocketAsync(target, ctx, async socket =>
    {
        await AttackTarget.SendAsync(socket, new SubscribeMessage(1, [.. target.Symbols.Symbols.Take(100)]), ctx.CancellationToken);
        return await AttackTarget.HoldUnreadAsync(socket, ctx.CancellationToken);
    });

    private static Func<ScenarioContext, Task<Response>> ResumeHugeAndNeverRead(AttackTarget target) => async ctx =>
    {
        var resume = await FarBackAsync(target, ctx.CancellationToken);
        return await OnSocketAsync(target, ctx, async socket =>
        {
            try
            {
                // Ten messages a second: within the rate limit, so only the replay budget stands in the way.
                for (uint i = 0; i < 60; i++)
                {
                    await AttackTarget.SendAsync(socket, Resume(i, resume), ctx.CancellationToken);
                    await Task.Delay(100, ctx.CancellationToken);
                }
            }
            catch (WebSocketException)
            {
                return Response.Fail("dropped by the server");
            }
            return await AttackTarget.HoldUnreadAsync(socket, ctx.CancellationToken);
        });
    };

    private static Func<ScenarioContext, Task<Response>> ResumeHugeAndRead(AttackTarget target) => async ctx =>
    {
        var resume = await FarBackAsync(target, ctx.CancellationToken);
        return await OnSocketAsync(target, ctx, socket => SendWhileReadingAsync(socket, ctx, TimeSpan.FromMilliseconds(100), i => Resume(i, resume)));
    };

    /// <summary>Subscribe and Unsubscribe in turn.</summary>
    private static ClientMessage Churn(uint i, string[] symbols) =>
        i % 2 == 0 ? new SubscribeMessage(i, symbols) : new UnsubscribeMessage(i, symbols);

    /// <summary>A Subscribe resuming every symbol from far back, and its Unsubscribe, in turn.</summary>
    private static ClientMessage Resume(uint i, Dictionary<string, ulong> resume) =>
        i % 2 == 0 ? new SubscribeMessage(i, [.. resume.Keys], resume) : new UnsubscribeMessage(i, [.. resume.Keys]);

    /// <summary>Opens a socket from the attack's address and runs <paramref name="session"/> on it; a refused handshake is the session's result.</summary>
    private static async Task<Response> OnSocketAsync(AttackTarget target, ScenarioContext ctx, Func<ClientWebSocket, Task<Response>> session)
    {
        var (socket, refusal) = await target.ConnectAsync(ctx.CancellationToken);
        if (socket is null) return Response.Fail(refusal!);
        using (socket) return await session(socket);
    }

    /// <summary>
    /// Sends the messages <paramref name="next"/> gives (null: no more), one per <paramref name="pace"/> (null: as fast as the
    /// socket takes them), reading whatever comes; Ok when stopped, else how the server ended the session.
    /// </summary>
    private static async Task<Response> SendWhileReadingAsync(ClientWebSocket socket, ScenarioContext ctx, TimeSpan? pace, Func<uint, ClientMessage?> next)
    {
        var closed = AttackTarget.ReadUntilClosedAsync(socket, ctx.CancellationToken);
        try
        {
            for (uint i = 0; !closed.IsCompleted && next(i) is { } message; i++)
            {
                if (pace is { } wait) await Task.Delay(wait, ctx.CancellationToken);
                await AttackTarget.SendAsync(socket, message, ctx.CancellationToken);
            }
        }
        catch (OperationCanceledException) when (ctx.CancellationToken.IsCancellationRequested)
        {
            return Response.Ok();
        }
        catch (WebSocketException)
        {
            // The server closed on us mid-send: how is what the receive side saw.
        }
        return await UntilStoppedAsync(closed, ctx);
    }

    /// <summary>Each symbol's current seq less 5,000 (from <c>/api/quotes</c>): a resume asking for everything the server still holds.</summary>
    private static async Task<Dictionary<string, ulong>> FarBackAsync(AttackTarget target, CancellationToken cancellationToken)
    {
        var url = new Uri(target.BaseAddress, $"api/quotes?symbols={target.AllSymbols()}");
        using var quotes = JsonDocument.Parse(await target.Http.GetStringAsync(url, cancellationToken));
        return quotes.RootElement.EnumerateArray().ToDictionary(
            q => q.GetProperty("symbol").GetString()!,
            q => q.GetProperty("seq").GetUInt64() is var seq && seq > 5_000 ? seq - 5_000 : 0,
            StringComparer.Ordinal);
    }

    /// <summary>Ok when the copy was stopped; otherwise how the server ended the session, as its kind of refusal.</summary>
    private static async Task<Response> UntilStoppedAsync(Task<string> closed, ScenarioContext ctx)
    {
        try
        {
            string how = await closed;
            return ctx.CancellationToken.IsCancellationRequested ? Response.Ok() : Response.Fail(how);
        }
        catch (OperationCanceledException) when (ctx.CancellationToken.IsCancellationRequested)
        {
            return Response.Ok();
        }
    }
}
