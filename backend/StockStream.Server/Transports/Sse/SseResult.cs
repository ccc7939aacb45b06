using System.Net.ServerSentEvents;
using Microsoft.AspNetCore.Http.Features;

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
        var timeout = TimeSpan.FromMilliseconds(options.SendTimeoutMs);
        using var deadline = new CancellationTokenSource(Timeout.InfiniteTimeSpan, clock);
        using var flushToken = CancellationTokenSource.CreateLinkedTokenSource(aborted, deadline.Token);
        await foreach (var item in items.WithCancellation(aborted))
        {
            SseWriter.Write(output, item);
            deadline.CancelAfter(timeout);
            try
            {
                if ((await output.FlushAsync(flushToken.Token)).IsCompleted) return;
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                // The deadline passed: handled below, like a flush that reports cancellation.
            }
            if (deadline.IsCancellationRequested)
            {
                metrics.SendStalled(SseTransport.Transport);
                SseLog.SendStalled(logger, context.TraceIdentifier, options.SendTimeoutMs);
                context.Abort();
                return;
            }
            if (aborted.IsCancellationRequested) return;
            deadline.CancelAfter(Timeout.InfiniteTimeSpan);
        }
    }
}
