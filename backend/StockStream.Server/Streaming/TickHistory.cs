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
    public StreamTick[]? After(ulong seq) => After(seq, long.MaxValue, out _);

    /// <summary>
    /// Ticks with seq above <paramref name="seq"/>, oldest first; null when some of them are no longer held, or when they
    /// would take more than <paramref name="maxBytes"/> (<paramref name="overBudget"/>; nothing is copied then).
    /// </summary>
    public StreamTick[]? After(ulong seq, long maxBytes, out bool overBudget)
    {
        overBudget = false;
        if (_count == 0) return null;
        ulong first = At(0).Tick.Seq, last = At(_count - 1).Tick.Seq;
        if (seq >= last) return [];
        if (seq + 1 < first) return null;
        int from = (int)(seq + 1 - first);
        overBudget = Exceeds(from, maxBytes);
        return overBudget ? null : Slice(from);
    }

    /// <summary>Ticks with a stream offset above <paramref name="offset"/>, oldest first.</summary>
    public StreamTick[] AfterOffset(ulong offset) => Slice(FirstAfterOffset(offset));

    /// <summary>Ticks with a stream offset above <paramref name="offset"/>, oldest first; null (nothing copied) when they would take more than <paramref name="maxBytes"/>.</summary>
    public StreamTick[]? AfterOffset(ulong offset, long maxBytes)
    {
        int from = FirstAfterOffset(offset);
        return Exceeds(from, maxBytes) ? null : Slice(from);
    }

    private int FirstAfterOffset(ulong offset)
    {
        int lo = 0, hi = _count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (At(mid).Offset <= offset) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>Whether the ticks from <paramref name="from"/> on take more than <paramref name="maxBytes"/>; stops counting once they do.</summary>
    private bool Exceeds(int from, long maxBytes)
    {
        long bytes = 0;
        for (int i = from; i < _count; i++)
        {
            bytes += At(i).ReplayBytes;
            if (bytes > maxBytes) return true;
        }
        return false;
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
        // Most reads of a held poll or an SSE stream find nothing new: the empty answer costs nothing.
        if (from >= _count) return [];
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
