namespace StockStream.Server.Transports.Limits;

/// <summary>
/// Counts open streams against the <see cref="ConnectionCapacity"/>: each kind against its own cap, all of them
/// against the streams' share. A refused stream costs nothing; a granted one holds a slot until disposed.
/// </summary>
public sealed class ConnectionBudget(ConnectionCapacity capacity)
{
    private readonly int[] _open = new int[Enum.GetValues<ConnectionKind>().Length];
    private int _streams;

    public ConnectionCapacity Capacity => capacity;

    /// <summary>Open streams of one kind.</summary>
    public int Open(ConnectionKind kind) => Volatile.Read(ref _open[(int)kind]);

    /// <summary>A slot to dispose when the stream ends, or null when there is no room.</summary>
    public IDisposable? TryEnter(ConnectionKind kind)
    {
        ref int open = ref _open[(int)kind];
        if (Interlocked.Increment(ref open) > capacity.For(kind))
        {
            Interlocked.Decrement(ref open);
            return null;
        }
        if (Interlocked.Increment(ref _streams) > capacity.Streams)
        {
            Interlocked.Decrement(ref _streams);
            Interlocked.Decrement(ref open);
            return null;
        }
        return new Slot(this, kind);
    }

    private void Exit(ConnectionKind kind)
    {
        Interlocked.Decrement(ref _streams);
        Interlocked.Decrement(ref _open[(int)kind]);
    }

    private sealed class Slot(ConnectionBudget owner, ConnectionKind kind) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) owner.Exit(kind);
        }
    }
}
