using System.Net.ServerSentEvents;
using Microsoft.AspNetCore.Http.Features;
using StockStream.Server.Transports.Http;

namespace StockStream.Server.Transports.Sse;

/// <summary>
/// Streams an <see cref="SseStream"/>'s items as <c>text/event-stream</c> through <see cref="SseWriter"/>. Each write
/// has a deadline: one the client has not taken within <see cref="SseOptions.SendTimeoutMs"/> aborts the response.
/// </summary>
internal sealed class SseResult(IAsyncEnumerable<SseItem<SseData>> items, SseOptions options, TransportMetrics metrics, TimeProvider clock, ILogger logger) : IResult
{
    public async Task ExecuteAsync(HttpContext context)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-store";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var output = response.BodyWriter;
        var aborted = context.RequestAborted;
        using var deadline = new SendDeadline(TimeSpan.FromMilliseconds(options.SendTimeoutMs), clock, aborted);
        await foreach (var item in items.WithCancellation(aborted))
        {
            SseWriter.Write(output, item);
            switch (await deadline.FlushAsync(output))
            {
                case FlushOutcome.Gone:
                    return;
                case FlushOutcome.Stalled:
                    metrics.SendStalled(SseTransport.Transport);
                    SseLog.SendStalled(logger, context.TraceIdentifier, options.SendTimeoutMs);
                    context.Abort();
                    return;
            }
        }
    }
}
