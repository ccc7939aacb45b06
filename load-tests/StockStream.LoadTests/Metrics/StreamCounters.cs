using System.Collections.Concurrent;

namespace StockStream.LoadTests.Metrics;

/// <summary>Counters a scenario's connections share; updated with interlocked adds, once per frame or request, never per tick.</summary>
public sealed class StreamCounters
{
    private long _frames, _ticks, _bytesReceived, _bytesSent, _connectionsOpened, _requests, _conflatedFrames, _activeClients, _sessionsOk;
    private readonly ConcurrentDictionary<string, long> _errors = new(StringComparer.Ordinal);

    public long Frames => Interlocked.Read(ref _frames);
    public long Ticks => Interlocked.Read(ref _ticks);
    /// <summary>Bytes read from the sockets: HTTP headers, WebSocket framing and payload.</summary>
    public long BytesReceived => Interlocked.Read(ref _bytesReceived);
    public long BytesSent => Interlocked.Read(ref _bytesSent);
    /// <summary>TCP connections opened.</summary>
    public long ConnectionsOpened => Interlocked.Read(ref _connectionsOpened);
    /// <summary>HTTP requests sent, WebSocket handshakes included.</summary>
    public long Requests => Interlocked.Read(ref _requests);
    public long ConflatedFrames => Interlocked.Read(ref _conflatedFrames);
    /// <summary>Sessions (copies' runs) that ended without an error.</summary>
    public long SessionsOk => Interlocked.Read(ref _sessionsOk);
    public long ActiveClients => Interlocked.Read(ref _activeClients);
    public long Errors => _errors.Values.Sum();
    public IReadOnlyDictionary<string, long> ErrorsByKind => new SortedDictionary<string, long>(_errors, StringComparer.Ordinal);

    /// <summary>At the end of a warm-up: forget the traffic so far (frames, ticks, bytes, requests, conflated frames); connections and errors stay.</summary>
    public void ResetTraffic()
    {
        Interlocked.Exchange(ref _frames, 0);
        Interlocked.Exchange(ref _ticks, 0);
        Interlocked.Exchange(ref _bytesReceived, 0);
        Interlocked.Exchange(ref _bytesSent, 0);
        Interlocked.Exchange(ref _requests, 0);
        Interlocked.Exchange(ref _conflatedFrames, 0);
    }

    public void AddFrame(int ticks, bool conflated)
    {
        Interlocked.Increment(ref _frames);
        if (ticks > 0) Interlocked.Add(ref _ticks, ticks);
        if (conflated) Interlocked.Increment(ref _conflatedFrames);
    }

    public void AddBytesReceived(int count) => Interlocked.Add(ref _bytesReceived, count);
    public void AddBytesSent(int count) => Interlocked.Add(ref _bytesSent, count);
    public void AddConnection() => Interlocked.Increment(ref _connectionsOpened);
    public void AddRequest() => Interlocked.Increment(ref _requests);
    public void AddSessionOk() => Interlocked.Increment(ref _sessionsOk);
    public void ClientConnected() => Interlocked.Increment(ref _activeClients);
    public void ClientDisconnected() => Interlocked.Decrement(ref _activeClients);

    /// <summary>Counts one failure of the given kind, e.g. "connect: 503" or "closed: 1008".</summary>
    public void AddError(string kind) => _errors.AddOrUpdate(kind, 1, (_, n) => n + 1);
}
