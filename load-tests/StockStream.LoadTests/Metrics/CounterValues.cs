namespace StockStream.LoadTests.Metrics;

/// <summary>The counts of <see cref="StreamCounters"/> at one moment, as plain values that travel as JSON.</summary>
public sealed record CounterValues
{
    public long Frames { get; init; }
    public long Ticks { get; init; }
    public long BytesReceived { get; init; }
    public long BytesSent { get; init; }
    public long ConnectionsOpened { get; init; }
    public long Requests { get; init; }
    public long ConflatedFrames { get; init; }
    public long SessionsOk { get; init; }
    public Dictionary<string, long> Errors { get; init; } = [];
    public long Drops { get; init; }
    public long Reconnects { get; init; }
    public long ReconnectFailures { get; init; }
    public long? FirstDropMicros { get; init; }
    public long? LastResumeMicros { get; init; }
    public Dictionary<string, long> DropsByKind { get; init; } = [];
}
