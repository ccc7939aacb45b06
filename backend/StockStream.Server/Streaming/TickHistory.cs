namespace StockStream.Server.Streaming;

/// <summary>
/// The recent ticks of one symbol in a ring buffer, bounded by age and by count. It serves resume,
/// long-poll cursors and chart back-fill. Not thread-safe: its <see cref="SymbolFeed"/> guards it.
/// </summary>
public sealed class TickHistory(int capacity, long maxAgeMicroseconds)
{
    // Grows by doubling up to the capacity, so thousands of quiet symbols cost little.
    private StreamTick[] _ring = new StreamTick[Math.Min(capacity, 64)];
    private int _start;
    private int _count;

    public int Count => _count;

    /// <summary>Offset of the newest tick that has been evicted; a cursor before it has missed ticks.</summary>
    public ulong EvictedThroughOffset { get; private set; }

    /// <summary>Declares ticks up to <paramref name="offset"/> not held (they were before a restored history began).</summary>
    public void MarkEvictedThrough(ulong offset)
    {
        if (offset > EvictedThroughOffset) EvictedThroughOffset = offset;
    }

    public void Append(StreamTick tick)
    {
        EvictOlderThan(tick.Tick.Time - maxAgeMicroseconds);
        if (_count == _ring.Length)
        {
            if (_ring.Length < capacity) Grow(); else EvictOldest();
        }
        _ring[(_start + _count) % _ring.Length] = tick;
        _count++;
    }

    /// <summary>Ticks with seq above <paramref name="seq"/>, oldest first; null when some of them are no longer held.</summary>
    public StreamTick[]? After(ulong seq)
    {
        if (_count == 0) return null;
        ulong first = At(0).Tick.Seq, last = At(_count - 1).Tick.Seq;
        if (seq >= last) return [];
        if (seq + 1 < first) return null;
        return Slice((int)(seq + 1 - first));
    }

    /// <summary>Ticks with a stream offset above <paramref name="offset"/>, oldest first.</summary>
    public StreamTick[] AfterOffset(ulong offset)
    {
        int lo = 0, hi = _count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (At(mid).Offset <= offset) lo = mid + 1; else hi = mid;
        }
        return Slice(lo);
    }

    /// <summary>Ticks at or after <paramref name="time"/> (Unix µs), oldest first.</summary>
    public StreamTick[] Since(long time)
    {
        int lo = 0, hi = _count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (At(mid).Tick.Time < time) lo = mid + 1; else hi = mid;
        }
        return Slice(lo);
    }

    private StreamTick At(int index) => _ring[(_start + index) % _ring.Length];

    private StreamTick[] Slice(int from)
    {
        var result = new StreamTick[_count - from];
        for (int i = 0; i < result.Length; i++) result[i] = At(from + i);
        return result;
    }

    private void Grow()
    {
        var larger = new StreamTick[Math.Min(capacity, _ring.Length * 2)];
        for (int i = 0; i < _count; i++) larger[i] = At(i);
        _ring = larger;
        _start = 0;
    }

    private void EvictOlderThan(long time)
    {
        while (_count > 0 && At(0).Tick.Time < time) EvictOldest();
    }

    private void EvictOldest()
    {
        EvictedThroughOffset = _ring[_start].Offset;
        _ring[_start] = null!;
        _start = (_start + 1) % _ring.Length;
        _count--;
    }
}
