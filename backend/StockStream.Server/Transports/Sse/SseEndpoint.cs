using System.ComponentModel;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using StockStream.Server.Streaming;
using StockStream.Server.Transports.Http;
using StockStream.Server.Transports.Limits;

namespace StockStream.Server.Transports.Sse;

/// <summary><c>GET /api/sse</c>: validates the query and <c>Last-Event-ID</c> before the stream starts, then streams.</summary>
internal static class SseEndpoint
{
    public static Results<SseResult, ProblemHttpResult> Handle(
        HttpContext context,
        [Description("Comma-separated symbols of GET /api/symbols, e.g. CCAL,GL in the default market; at most maxSymbols.")] string? symbols,
        TickHub hub, ConnectionBudget budget, Refusals refusals, IOptions<SseOptions> options, TransportMetrics metrics,
        ReplayBudgets replayBudgets, TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<SseStream> logger)
    {
        if (!SymbolQuery.TryResolveList(hub, symbols, out var feeds, out var problem)) return Refuse(metrics, logger, problem);
        PollCursor? lastEventId = null;
        string header = context.Request.Headers["Last-Event-ID"].ToString();
        if (header.Length > 0)
        {
            if (!PollCursor.TryParse(header, out var parsed, hub.Epoch))
                return Refuse(metrics, logger, HttpProblems.BadRequest("Invalid Last-Event-ID",
                    "Last-Event-ID must be the id of an event this server sent, or absent to start afresh."));
            lastEventId = parsed;
        }
        if (budget.TryEnter(ConnectionKind.SseStream) is not { } slot)
            return refusals.NoRoom(context, ConnectionKind.SseStream, "Too many streams; try again later.");
        // Released when the request ends, whether or not the stream ever started.
        context.Response.RegisterForDispose(slot);
        var settings = options.Value;
        if (settings.SocketSendBufferBytes > 0 && context.Features.Get<IConnectionSocketFeature>()?.Socket is { } tcp)
            tcp.SendBufferSize = settings.SocketSendBufferBytes;
        var stream = new SseStream(hub, feeds, replayBudgets.For(context.Connection.RemoteIpAddress), settings, metrics, clock, logger);
        return new SseResult(stream.ReadAsync(context.TraceIdentifier, lastEventId, lifetime.ApplicationStopping), settings, metrics, clock, logger);
    }

    private static ProblemHttpResult Refuse(TransportMetrics metrics, ILogger logger, ProblemHttpResult problem)
    {
        metrics.InputRejected(SseTransport.Transport, problem.ProblemDetails.Title ?? "bad request");
        SseLog.Refused(logger, problem.ProblemDetails.Detail);
        return problem;
    }
}
