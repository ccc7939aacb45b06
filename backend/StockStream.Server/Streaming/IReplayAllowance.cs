namespace StockStream.Server.Streaming;

/// <summary>
/// What one client may still have replayed (missed ticks of a resume or a cursor, bytes at each tick's JSON size), shared
/// by all its connections: a replay that does not fit starts from a Snapshot instead, as for ticks no longer held.
/// </summary>
public interface IReplayAllowance
{
    /// <summary>Bytes the client may have replayed now.</summary>
    long Left { get; }

    /// <summary>Counts bytes replayed against the allowance.</summary>
    void Spend(long bytes);
}
