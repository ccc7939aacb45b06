using System.Collections.Concurrent;
using StockStream.Protocol;

namespace StockStream.LoadTests.Metrics;

/// <summary>Counters a scenario's connections share; updated with interlocked adds, once per frame or request, never per tick.</summary>
public sealed class StreamCounters
{
    private long _drops, _reconnects, _reconnectFailures, _firstDropMicros = long.MaxValue, _lastResumeMicros;
    private long _frames, _ticks, _bytesReceived, _bytesSent, _connectionsOpened, _requests, _conflatedFrames, _activeClients, _sessionsOk;
    private readonly ConcurrentDictionary<string, long> _errors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _dropKinds = new(StringComparer.Ordinal);

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
    /// <summary>Connections that dropped under a client that reconnects (not errors: the client recovers).</summary>
    public long Drops => Interlocked.Read(ref _drops);
    /// <summary>Dropped streams resumed on a new connection.</summary>
    public long Reconnects => Interlocked.Read(ref _reconnects);
    /// <summary>Reconnect attempts that failed and were tried again.</summary>
    public long ReconnectFailures => Interlocked.Read(ref _reconnectFailures);
    /// <summary>When the first connection dropped, µs since the epoch; null when none did.</summary>
    public long? FirstDropMicros => Interlocked.Read(ref _firstDropMicros) is var v && v != long.MaxValue ? v : null;
    /// <summary>When the last dropped stream was resumed, µs since the epoch; null when none was.</summary>
    public long? LastResumeMicros => Interlocked.Read(ref _lastResumeMicros) is var v && v != 0 ? v : null;
    public IReadOnlyDictionary<string, long> DropsByKind => new SortedDictionary<string, long>(_dropKinds, StringComparer.Ordinal);
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

    /// <summary>Counts a connection that dropped under a reconnecting client, by how it ended.</summary>
    public void AddDrop(string kind)
    {
        Interlocked.Increment(ref _drops);
        _dropKinds.AddOrUpdate(kind, 1, (_, n) => n + 1);
        Min(ref _firstDropMicros, UnixTime.NowMicroseconds());
    }

    public void AddReconnectFailure() => Interlocked.Increment(ref _reconnectFailures);

    /// <summary>Counts a stream resumed after a drop, at <paramref name="atMicros"/>.</summary>
    public void AddReconnect(long atMicros)
    {
        Interlocked.Increment(ref _reconnects);
        Max(ref _lastResumeMicros, atMicros);
    }

    /// <summary>Every count now, to send elsewhere (an agent's to its coordinator).</summary>
    public CounterValues Snapshot() => new()
    {
        Frames = Frames,
        Ticks = Ticks,
        BytesReceived = BytesReceived,
        BytesSent = BytesSent,
        ConnectionsOpened = ConnectionsOpened,
        Requests = Requests,
        ConflatedFrames = ConflatedFrames,
        SessionsOk = SessionsOk,
        Errors = new(ErrorsByKind),
        Drops = Drops,
        Reconnects = Reconnects,
        ReconnectFailures = ReconnectFailures,
        FirstDropMicros = FirstDropMicros,
        LastResumeMicros = LastResumeMicros,
        DropsByKind = new(DropsByKind),
    };

    /// <summary>Adds counts made elsewhere (another agent's).</summary>
    public void Add(CounterValues v)
    {
        Interlocked.Add(ref _frames, v.Frames);
        Interlocked.Add(ref _ticks, v.Ticks);
        Interlocked.Add(ref _bytesReceived, v.BytesReceived);
        Interlocked.Add(ref _bytesSent, v.BytesSent);
        Interlocked.Add(ref _connectionsOpened, v.ConnectionsOpened);
        Interlocked.Add(ref _requests, v.Requests);
        Interlocked.Add(ref _conflatedFrames, v.ConflatedFrames);
        Interlocked.Add(ref _sessionsOk, v.SessionsOk);
        foreach (var (kind, n) in v.Errors) _errors.AddOrUpdate(kind, n, (_, m) => m + n);
        Interlocked.Add(ref _drops, v.Drops);
        Interlocked.Add(ref _reconnects, v.Reconnects);
        Interlocked.Add(ref _reconnectFailures, v.ReconnectFailures);
        if (v.FirstDropMicros is { } first) Min(ref _firstDropMicros, first);
        if (v.LastResumeMicros is { } last) Max(ref _lastResumeMicros, last);
        foreach (var (kind, n) in v.DropsByKind) _dropKinds.AddOrUpdate(kind, n, (_, m) => m + n);
    }

    private static void Min(ref long field, long value)
    {
        for (long seen = Interlocked.Read(ref field); value < seen; seen = Interlocked.Read(ref field))
            if (Interlocked.CompareExchange(ref field, value, seen) == seen) return;
    }

    private static void Max(ref long field, long value)
    {
        for (long seen = Interlocked.Read(ref field); value > seen; seen = Interlocked.Read(ref field))
            if (Interlocked.CompareExchange(ref field, value, seen) == seen) return;
    }

    /// <summary>Counts one failure of the given kind, e.g. "connect: 503" or "closed: 1008".</summary>
    public void AddError(string kind) => _errors.AddOrUpdate(kind, 1, (_, n) => n + 1);
}
