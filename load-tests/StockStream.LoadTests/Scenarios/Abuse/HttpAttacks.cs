using System.Buffers.Text;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using StockStream.LoadTests.Engine;

namespace StockStream.LoadTests.Scenarios.Abuse;

/// <summary>The attacks on the HTTP transports: SSE streams and polls whose answers are never read, forged and expired cursors.</summary>
public static partial class HttpAttacks
{
    /// <summary>How long a never-reading client holds its connection before it starts another: past the server's 10 s send deadline.</summary>
    private static readonly TimeSpan HoldFor = TimeSpan.FromSeconds(15);

    public const string ForgedCursors = "forged-cursors";

    public static IEnumerable<Attack> All(Func<int, IPAddress> address, ForgedCursorAnswers answers) =>
    [
        new("sse-not-read", "30 SSE streams of every symbol that never read (4 KiB receive buffer), each held 15 s",
            address(10), Attack.Constant(30), StreamAndNeverRead) { ReceiveBufferBytes = 4096 },
        new("polls-not-read", "30 connections each sending 20 polls of every symbol back to back and reading none, held 15 s",
            address(11), Attack.Constant(30), PollAndNeverRead) { ReceiveBufferBytes = 4096 },
        new(ForgedCursors, "200 polls a second with forged cursors: the oldest offset of the epoch, another epoch, garbage",
            address(12), Attack.Injected(200, TimeSpan.FromSeconds(5)), target => PollWithForgedCursors(target, answers)),
    ];

    private static Func<ScenarioContext, Task<Response>> StreamAndNeverRead(AttackTarget target) => async ctx =>
    {
        using var socket = await target.SendUnreadAsync(target.Get($"/api/sse?symbols={target.AllSymbols()}", "text/event-stream"), ctx.CancellationToken);
        return await HoldAsync(ctx);
    };

    private static Func<ScenarioContext, Task<Response>> PollAndNeverRead(AttackTarget target) => async ctx =>
    {
        var start = await PollAsync(target, $"api/poll?symbols={target.AllSymbols()}", ctx.CancellationToken);
        string cursor = start.RootElement.GetProperty("cursor").GetString()!;
        string request = target.Get($"/api/poll?symbols={target.AllSymbols()}&cursor={Uri.EscapeDataString(cursor)}&timeoutMs=25000");
        using var socket = await target.SendUnreadAsync(string.Concat(Enumerable.Repeat(request, 20)), ctx.CancellationToken);
        return await HoldAsync(ctx);
    };

    private static Func<ScenarioContext, Task<Response>> PollWithForgedCursors(AttackTarget target, ForgedCursorAnswers answers) => async ctx =>
    {
        var symbols = string.Join(',', ctx.Measurements.Symbols.ForClient(ctx.InstanceNumber, 10));
        string genuine = await answers.GenuineCursorAsync(() => FirstCursorAsync(target, symbols, ctx.CancellationToken));
        string forged = (ctx.InstanceNumber % 3) switch
        {
            0 => Rewrite(genuine, text => LongestNumber().Replace(text, "1", 1)), // the oldest offset of this epoch
            1 => Rewrite(genuine, text => "0000000000000000" + text[text.IndexOf('.', StringComparison.Ordinal)..]), // another epoch
            _ => "not-a-cursor",
        };
        using var response = await target.Http.GetAsync(new Uri(target.BaseAddress, $"api/poll?symbols={symbols}&cursor={Uri.EscapeDataString(forged)}&timeoutMs=0"),
            ctx.CancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(ctx.CancellationToken);
        answers.Record((int)response.StatusCode, body);
        return response.StatusCode == HttpStatusCode.OK ? Response.Ok() : Response.Fail($"HTTP {(int)response.StatusCode}");
    };

    private static async Task<string> FirstCursorAsync(AttackTarget target, string symbols, CancellationToken cancellationToken)
    {
        using var start = await PollAsync(target, $"api/poll?symbols={symbols}", cancellationToken);
        return start.RootElement.GetProperty("cursor").GetString()!;
    }

    private static async Task<JsonDocument> PollAsync(AttackTarget target, string pathAndQuery, CancellationToken cancellationToken) =>
        JsonDocument.Parse(await target.Http.GetStringAsync(new Uri(target.BaseAddress, pathAndQuery), cancellationToken));

    /// <summary>The cursor is opaque to clients, but an attacker decodes it (base64url text), changes it and encodes it again.</summary>
    private static string Rewrite(string cursor, Func<string, string> change) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(change(Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor)))));

    private static async Task<Response> HoldAsync(ScenarioContext ctx)
    {
        try
        {
            await Task.Delay(HoldFor, ctx.CancellationToken);
        }
        catch (OperationCanceledException) when (ctx.CancellationToken.IsCancellationRequested)
        {
            // Stopped while holding: the connection goes with the copy.
        }
        return Response.Ok();
    }

    [GeneratedRegex("[0-9]{2,}(?=[^0-9]*$)")]
    private static partial Regex LongestNumber();
}
