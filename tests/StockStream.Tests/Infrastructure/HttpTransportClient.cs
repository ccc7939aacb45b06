using System.Net;
using System.Net.Http.Headers;
using StockStream.Protocol.Http;

namespace StockStream.Tests.Infrastructure;

/// <summary>Intent-named helpers for the HTTP transports: a poll, an SSE stream, a raw GET.</summary>
public static class HttpTransportClient
{
    private static readonly HttpClient Shared = new() { Timeout = TimeSpan.FromSeconds(90) };

    /// <summary>One long poll; asserts a 200 and decodes the answer (MessagePack when asked for).</summary>
    public static async Task<PollAnswerMessage> PollAsync(this IServerEndpoint server, IEnumerable<string> symbols, string? cursor = null,
        int? timeoutMs = null, bool messagePack = false, CancellationToken cancellationToken = default)
    {
        using var response = await server.PollRawAsync(PollQuery(symbols, cursor, timeoutMs), messagePack, cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        PollAnswerFormat format = messagePack ? PollAnswerFormat.MessagePack : PollAnswerFormat.Json;
        Assert.Equal(format.MediaType, response.Content.Headers.ContentType?.MediaType);
        return format.Read(await response.Content.ReadAsByteArrayAsync(cancellationToken));
    }

    public static async Task<HttpResponseMessage> PollRawAsync(this IServerEndpoint server, string query, bool messagePack = false,
        CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseAddress, "/api/poll?" + query));
        if (messagePack) request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(PollAnswerFormat.MessagePack.MediaType));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(70));
        return await Shared.SendAsync(request, timeout.Token);
    }

    public static string PollQuery(IEnumerable<string> symbols, string? cursor = null, int? timeoutMs = null) =>
        $"symbols={string.Join(',', symbols)}"
        + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")
        + (timeoutMs is null ? "" : $"&timeoutMs={timeoutMs}");

    /// <summary>Opens <c>/api/sse</c>; the caller checks the status (400s arrive before any stream).</summary>
    public static async Task<SseReader> OpenSseAsync(this IServerEndpoint server, string query, string? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseAddress, "/api/sse?" + query));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null) request.Headers.Add("Last-Event-ID", lastEventId);
        using var timeout = new CancellationTokenSource(ProtocolClient.DefaultTimeout);
        var client = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
        return new SseReader(client, response, new StreamReader(stream));
    }

    public static async Task<SseReader> OpenSseAsync(this IServerEndpoint server, IEnumerable<string> symbols, string? lastEventId = null)
    {
        var reader = await server.OpenSseAsync($"symbols={string.Join(',', symbols)}", lastEventId);
        Assert.Equal(HttpStatusCode.OK, reader.Response.StatusCode);
        Assert.Equal("text/event-stream", reader.Response.Content.Headers.ContentType?.MediaType);
        return reader;
    }
}
