using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using StockStream.Protocol;
using StockStream.Server.Streaming;
using StockStream.Server.Transports.Http;
using StockStream.Server.Transports.Limits;

namespace StockStream.Server.Transports.LongPolling;

/// <summary><c>GET /api/poll</c>: validates the query, then answers at once (no or stale cursor) or holds the request.</summary>
internal static class LongPollEndpoint
{
    public static async Task<Results<PollResult, ProblemHttpResult, EmptyHttpResult>> HandleAsync(
        HttpContext context,
        [Description("Comma-separated symbols of GET /api/symbols, e.g. CCAL,GL in the default market; at most maxSymbols.")] string? symbols,
        [Description("The cursor of the previous answer; omit to start with the current Quotes.")] string? cursor,
        [Description("How long to hold when nothing is new, in ms: 0 to 60000, default 25000.")] string? timeoutMs,
        TickHub hub, IOptions<LongPollingOptions> options, ConnectionBudget budget, Refusals refusals, ReplayBudgets replayBudgets,
        PollWaiter waiter, LongPollingMetrics metrics, TransportMetrics streaming, TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<PollResult> logger)
    {
        var settings = options.Value;
        if (!SymbolQuery.TryResolveList(hub, symbols, out var feeds, out var problem)) return Refuse(streaming, logger, problem);
        if (!TryParseTimeout(timeoutMs, settings, out var timeout, out var badTimeout)) return Refuse(streaming, logger, badTimeout);
        PollCursor parsed = default;
        if (cursor is not null && !PollCursor.TryParse(cursor, out parsed, hub.Epoch))
            return Refuse(streaming, logger, HttpProblems.BadRequest("Invalid cursor",
                "The cursor cannot be parsed: pass back exactly the cursor of a previous answer, or none to start."));

        if (cursor is null) return new PollResult(CursorReader.Start(hub, feeds, TickFlags.None), "start");
        if (parsed.Epoch != hub.Epoch) return new PollResult(CursorReader.Start(hub, feeds, TickFlags.Missed), "missed");

        if (budget.TryEnter(ConnectionKind.HeldPoll) is not { } slot)
            return refusals.NoRoom(context, ConnectionKind.HeldPoll, "Too many polls held; try again later.");
        // Held until the answer has been written (or its send deadline passed), not only while waiting for ticks.
        context.Response.RegisterForDispose(slot);
        long started = clock.GetTimestamp();
        metrics.HoldStarted();
        try
        {
            var (answer, outcome) = await waiter.WaitAsync(feeds, parsed.Offset, parsed.Market, replayBudgets.For(context.Connection.RemoteIpAddress), timeout,
                context.RequestAborted, lifetime.ApplicationStopping);
            if (answer is not null) return new PollResult(answer, outcome);
            LongPollingLog.WentAway(logger, context.TraceIdentifier);
            return TypedResults.Empty;
        }
        finally
        {
            metrics.HoldEnded(clock.GetElapsedTime(started));
        }
    }

    private static bool TryParseTimeout(string? text, LongPollingOptions settings, out TimeSpan timeout, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        problem = null;
        int ms = settings.DefaultTimeoutMs;
        if (text is not null && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ms) || ms > settings.MaxTimeoutMs))
        {
            problem = HttpProblems.BadRequest("Invalid timeoutMs",
                $"timeoutMs must be a whole number of milliseconds from 0 to {settings.MaxTimeoutMs}.",
                new Dictionary<string, object?> { ["max"] = settings.MaxTimeoutMs });
        }
        timeout = TimeSpan.FromMilliseconds(ms);
        return problem is null;
    }

    private static ProblemHttpResult Refuse(TransportMetrics metrics, ILogger logger, ProblemHttpResult problem)
    {
        metrics.InputRejected(LongPollingTransport.Transport, problem.ProblemDetails.Title ?? "bad request");
        LongPollingLog.Refused(logger, problem.ProblemDetails.Detail);
        return problem;
    }
}
