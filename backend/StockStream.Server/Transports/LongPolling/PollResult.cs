using Microsoft.Net.Http.Headers;
using StockStream.Protocol;
using StockStream.Protocol.Http;
using StockStream.Server.Transports.Http;

namespace StockStream.Server.Transports.LongPolling;

/// <summary>Writes a poll answer straight into the response's pipe: MessagePack when the client accepts it, else JSON.</summary>
public sealed class PollResult(PollAnswer answer, string outcome) : IResult
{
    public static string MessagePackMediaType => PollAnswerFormat.MessagePack.MediaType;

    public PollAnswer Answer => answer;

    public async Task ExecuteAsync(HttpContext context)
    {
        var response = context.Response;
        var services = context.RequestServices;
        PollAnswerFormat format = AcceptsMessagePack(context.Request) ? PollAnswerFormat.MessagePack : PollAnswerFormat.Json;
        response.ContentType = format.ContentType;
        response.Headers.CacheControl = "no-store";
        var body = response.BodyWriter;
        format.Write(body, answer.ToWire(services.GetRequiredService<TimeProvider>().NowMicroseconds()));
        long bytes = body.CanGetUnflushedBytes ? body.UnflushedBytes : 0;
        await body.FlushAsync(context.RequestAborted);

        services.GetRequiredService<TransportMetrics>().Sent(LongPollingTransport.Transport, answer.Ticks.Count, (int)bytes);
        services.GetRequiredService<LongPollingMetrics>().Answered(outcome);
        LongPollingLog.Answered(services.GetRequiredService<ILogger<PollResult>>(), context.TraceIdentifier, outcome, answer.Ticks.Count, bytes);
    }

    private static bool AcceptsMessagePack(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted)) return false;
        return accepted.Any(a => a.MediaType.Equals(MessagePackMediaType, StringComparison.OrdinalIgnoreCase) && a.Quality is not 0);
    }
}
