using System.Diagnostics;
using System.Net.Http.Headers;
using StockStream.LoadTests.Engine;
using StockStream.LoadTests.Metrics;
using StockStream.LoadTests.Wire;
using StockStream.Protocol;
using StockStream.Protocol.Http;

namespace StockStream.LoadTests.Transports;

/// <summary>One long-polling subscriber: <c>GET /api/poll</c> again and again, each answer's cursor in the next request.</summary>
public sealed class LongPollClient(HttpClientOptions options, HttpClient http)
{
    private static readonly MediaTypeWithQualityHeaderValue MessagePackType = new(PollAnswerFormat.MessagePack.MediaType);
    private static readonly MediaTypeWithQualityHeaderValue JsonType = new(PollAnswerFormat.Json.MediaType);

    public async Task<Response> RunAsync(ScenarioContext context)
    {
        var m = context.Measurements;
        var stop = context.CancellationToken;
        var symbols = string.Join(',', m.Symbols.ForClient(context.InstanceNumber, options.SymbolsPerClient));
        var tracker = m.NewTracker();
        var observer = new PollAnswerObserver(tracker);
        PollAnswerFormat format = options.PollMessagePack ? PollAnswerFormat.MessagePack : PollAnswerFormat.Json;
        using var buffer = new PooledBuffer(options.BodyBufferBytes);
        string? cursor = null;
        bool connected = false;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                long started = Stopwatch.GetTimestamp();
                using var request = new HttpRequestMessage(HttpMethod.Get, PollUri(symbols, cursor));
                request.Headers.Accept.Add(options.PollMessagePack ? MessagePackType : JsonType);
                m.Counters.AddRequest();
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop);
                if (!response.IsSuccessStatusCode) return Response.Fail($"poll: HTTP {(int)response.StatusCode}");
                if (!connected)
                {
                    connected = true;
                    m.ConnectTime.Record((long)Stopwatch.GetElapsedTime(started).TotalMicroseconds);
                    m.Counters.ClientConnected();
                }

                int length = await ReadBodyAsync(response, buffer, stop);
                long before = tracker.Ticks;
                tracker.BeginFrame(UnixTime.NowMicroseconds());
                var answer = format.Read(buffer.Array.AsMemory(0, length), observer);
                tracker.EndFrame();
                m.Counters.AddFrame((int)(tracker.Ticks - before), answer.Missed);
                cursor = answer.Cursor.IsEmpty ? throw ProtocolException.Malformed("A poll answer must carry a cursor.") : answer.CursorText();
            }
            return Response.Ok();
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return Response.Ok();
        }
        catch (HttpRequestException e)
        {
            return stop.IsCancellationRequested ? Response.Ok() : Response.Fail($"poll: {e.HttpRequestError}");
        }
        catch (HttpIOException e)
        {
            return stop.IsCancellationRequested ? Response.Ok() : Response.Fail($"poll: {e.HttpRequestError}");
        }
        catch (ProtocolException)
        {
            return Response.Fail("protocol: invalid poll answer");
        }
        finally
        {
            tracker.EndedEarly = !m.Window.IsClosed;
            if (connected) m.Counters.ClientDisconnected();
        }
    }

    private Uri PollUri(string symbols, string? cursor) => new(options.BaseAddress, cursor is null
        ? $"api/poll?symbols={symbols}"
        : $"api/poll?symbols={symbols}&cursor={Uri.EscapeDataString(cursor)}&timeoutMs={options.PollTimeoutMs}");

    private static async Task<int> ReadBodyAsync(HttpResponseMessage response, PooledBuffer buffer, CancellationToken cancellationToken)
    {
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        int length = 0;
        while (true)
        {
            if (length == buffer.Length) buffer.Grow(length);
            int read = await body.ReadAsync(buffer.Array.AsMemory(length), cancellationToken);
            if (read == 0) return length;
            length += read;
        }
    }
}
