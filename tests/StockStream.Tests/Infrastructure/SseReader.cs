namespace StockStream.Tests.Infrastructure;

/// <summary>Reads a <c>text/event-stream</c> response event by event, every read bounded by a timeout.</summary>
public sealed class SseReader(HttpClient client, HttpResponseMessage response, StreamReader reader) : IAsyncDisposable
{
    public HttpResponseMessage Response => response;

    /// <summary>The whole body, for answers that are not a stream (a 400 problem).</summary>
    public Task<string> ReadToEndAsync() => reader.ReadToEndAsync().WaitAsync(ProtocolClient.DefaultTimeout);

    /// <summary>The next event, with the raw lines it was made of; null when the server ended the stream.</summary>
    public async Task<SseEvent?> ReadEventAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? ProtocolClient.DefaultTimeout);
        var lines = new List<string>();
        while (true)
        {
            string? line = await reader.ReadLineAsync(cts.Token);
            if (line is null) return null;
            if (line.Length == 0)
            {
                if (lines.Count == 0) continue;
                return Parse(lines);
            }
            lines.Add(line);
        }
    }

    /// <summary>The next event of the given type, skipping others.</summary>
    public async Task<SseEvent> ReadEventAsync(string type, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? ProtocolClient.DefaultTimeout);
        while (true)
        {
            var next = await ReadEventAsync(timeout) ?? throw new EndOfStreamException("The server ended the stream.");
            deadline.Token.ThrowIfCancellationRequested();
            if (next.Type == type) return next;
        }
    }

    private static SseEvent Parse(List<string> lines)
    {
        string? type = null, id = null;
        var data = new List<string>();
        foreach (string line in lines)
        {
            int colon = line.IndexOf(':');
            string field = colon < 0 ? line : line[..colon];
            string value = colon < 0 ? "" : line[(colon + 1)..].TrimStart(' ');
            switch (field)
            {
                case "event": type = value; break;
                case "id": id = value; break;
                case "data": data.Add(value); break;
            }
        }
        return new SseEvent(lines, type, id, string.Join('\n', data));
    }

    public ValueTask DisposeAsync()
    {
        reader.Dispose();
        response.Dispose();
        // Its own client: disposing it closes the connection at once, as a browser tab going away does.
        client.Dispose();
        return ValueTask.CompletedTask;
    }
}
