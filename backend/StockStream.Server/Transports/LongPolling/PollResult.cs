using Microsoft.AspNetCore.Connections.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using StockStream.Protocol;
using StockStream.Protocol.Http;
using StockStream.Server.Transports.Http;

namespace StockStream.Server.Transports.LongPolling;

/// <summary>
/// Writes a poll answer straight into the response's pipe: MessagePack when the client accepts it, else JSON. A client
/// that does not take it within <see cref="LongPollingOptions.SendTimeoutMs"/> has its connection aborted.
/// </summary>
public sealed class PollResult(PollAnswer answer, string outcome) : IResult
{
    public static string MessagePackMediaType => PollAnswerFormat.MessagePack.MediaType;

    public PollAnswer Answer => answer;

    public async Task ExecuteAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptions<LongPollingOptions>>().Value;
        var metrics = services.GetRequiredService<TransportMetrics>();
        var logger = services.GetRequiredService<ILogger<PollResult>>();
        if (options.SocketSendBufferBytes > 0 && context.Features.Get<IConnectionSocketFeature>()?.Socket is { } tcp)
            tcp.SendBufferSize = options.SocketSendBufferBytes;
        var response = context.Response;
        PollAnswerFormat format = AcceptsMessagePack(context.Request) ? PollAnswerFormat.MessagePack : PollAnswerFormat.Json;
        response.ContentType = format.ContentType;
        response.Headers.CacheControl = "no-store";
        var body = response.BodyWriter;
        var clock = services.GetRequiredService<TimeProvider>();
        format.Write(body, answer.ToWire(clock.NowMicroseconds()));
        long bytes = body.CanGetUnflushedBytes ? body.UnflushedBytes : 0;
        using (var deadline = new SendDeadline(TimeSpan.FromMilliseconds(options.SendTimeoutMs), clock, context.RequestAborted))
        {
            if (await deadline.FlushAsync(body) == FlushOutcome.Stalled)
            {
                metrics.SendStalled(LongPollingTransport.Transport);
                LongPollingLog.SendStalled(logger, context.TraceIdentifier, options.SendTimeoutMs);
                context.Abort();
                return;
            }
        }

        metrics.Sent(LongPollingTransport.Transport, answer.Ticks.Count, (int)bytes);
        services.GetRequiredService<LongPollingMetrics>().Answered(outcome);
        LongPollingLog.Answered(logger, context.TraceIdentifier, outcome, answer.Ticks.Count, bytes);
    }

    private static bool AcceptsMessagePack(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted)) return false;
        return accepted.Any(a => a.MediaType.Equals(MessagePackMediaType, StringComparison.OrdinalIgnoreCase) && a.Quality is not 0);
    }
}
