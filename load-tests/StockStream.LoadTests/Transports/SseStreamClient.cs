using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using StockStream.LoadTests.Engine;
using StockStream.LoadTests.Metrics;
using StockStream.LoadTests.Wire;
using StockStream.Protocol;
using StockStream.Protocol.Http;

namespace StockStream.LoadTests.Transports;

/// <summary>One Server-Sent Events subscriber: <c>GET /api/sse?symbols=...</c>, each <c>ticks</c> event parsed in place.</summary>
public sealed class SseStreamClient(HttpClientOptions options, HttpClient http)
{
    private static readonly MediaTypeWithQualityHeaderValue EventStream = new("text/event-stream");

    public async Task<Response> RunAsync(ScenarioContext context)
    {
        var m = context.Measurements;
        var stop = context.CancellationToken;
        var symbols = m.Symbols.ForClient(context.InstanceNumber, options.SymbolsPerClient);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(options.BaseAddress, $"api/sse?symbols={string.Join(',', symbols)}"));
        request.Headers.Accept.Add(EventStream);

        long started = Stopwatch.GetTimestamp();
        m.Counters.AddRequest();
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop);
        }
        catch (HttpRequestException e) when (!stop.IsCancellationRequested)
        {
            return Response.Fail($"connect: {e.HttpRequestError}");
        }
        using var ownedResponse = response;
        if (!response.IsSuccessStatusCode) return Response.Fail($"connect: HTTP {(int)response.StatusCode}");
        m.ConnectTime.Record((long)Stopwatch.GetElapsedTime(started).TotalMicroseconds);

        var tracker = m.NewTracker();
        var observer = new PollAnswerObserver(tracker);
        m.Counters.ClientConnected();
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(stop);
            var parser = SseParser.Create(stream, (eventType, data) => OnEvent(eventType, data, m, tracker, observer));
            await foreach (var _ in parser.EnumerateAsync(stop)) { }
            return stop.IsCancellationRequested ? Response.Ok() : Response.Fail("closed: stream ended");
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return Response.Ok();
        }
        catch (HttpIOException e)
        {
            return stop.IsCancellationRequested ? Response.Ok() : Response.Fail($"receive: {e.HttpRequestError}");
        }
        catch (ProtocolException)
        {
            return Response.Fail("protocol: invalid event data");
        }
        finally
        {
            tracker.EndedEarly = !m.Window.IsClosed;
            m.Counters.ClientDisconnected();
        }
    }

    private static int OnEvent(string eventType, ReadOnlySpan<byte> data, ScenarioMeasurements m, StreamTracker tracker, PollAnswerObserver observer)
    {
        if (eventType != "ticks") return 0; // "market" events carry no ticks
        long before = tracker.Ticks;
        tracker.BeginFrame(UnixTime.NowMicroseconds());
        var answer = PollAnswerFormat.Json.Read(data, observer);
        tracker.EndFrame();
        m.Counters.AddFrame((int)(tracker.Ticks - before), answer.Missed);
        return answer.TickCount;
    }
}
