using System.Diagnostics;

namespace StockStream.Server.Streaming;

/// <summary>
/// The ticks queued for one connection, oldest first, bounded: past <c>maxPendingTicks</c> it conflates to the newest
/// tick of each subscribed symbol. Not thread-safe: its <see cref="SubscriberQueue"/>'s lock guards it.
/// </summary>
internal sealed class TickBacklog(int maxPendingTicks, int maxSymbols, StreamingMetrics metrics)
{
    private StreamTick[]? _pending;
    private int _head, _tail;
    private HashSet<int>? _conflationScratch;

    public int Count => _tail - _head;

    public void Add(StreamTick tick, SubscribedSeqs subscribed)
    {
        if (_pending is null) _pending = new StreamTick[16];
        else if (_tail == _pending.Length) MakeRoom(subscribed);
        _pending[_tail++] = tick;
    }

    public bool TryTake(out StreamTick tick)
    {
        if (_tail == _head)
        {
            tick = null!;
            return false;
        }
        tick = _pending![_head];
        _pending[_head++] = null!;
        return true;
    }

    /// <summary>Empty again: reuse the array from its start, or drop it when a slow spell made it large.</summary>
    public void Drained(int keptLength)
    {
        Debug.Assert(Count == 0);
        _head = _tail = 0;
        if (_pending?.Length > keptLength) _pending = null;
    }

    /// <summary>Drops every pending tick and the array.</summary>
    public void Clear()
    {
        _pending = null;
        _head = _tail = 0;
    }

    [Conditional("DEBUG")]
    public void AssertInvariants()
    {
        Debug.Assert(0 <= _head && _head <= _tail && _tail <= (_pending?.Length ?? 0), "head <= tail <= capacity");
        Debug.Assert((_pending?.Length ?? 0) <= Math.Max(16, maxPendingTicks), "the backlog never grows past its bound");
    }

    /// <summary>
    /// Conflates to the newest tick per symbol when the oldest pending tick is due before <paramref name="staleBefore"/>
    /// (Unix µs); returns whether it conflated.
    /// </summary>
    public bool ConflateIfOlderThan(long staleBefore, SubscribedSeqs subscribed)
    {
        if (_tail == _head || _pending![_head].Tick.Time >= staleBefore) return false;
        int kept = Conflate(_pending, subscribed);
        _head = 0;
        _tail = kept;
        return true;
    }

    /// <summary>Makes room for one more tick: reuse the consumed front, grow up to the bound, else conflate.</summary>
    private void MakeRoom(SubscribedSeqs subscribed)
    {
        var pending = _pending!;
        int count = _tail - _head;
        if (_head > 0 && count < pending.Length / 2)
        {
            Array.Copy(pending, _head, pending, 0, count);
            Array.Clear(pending, count, _tail - count);
        }
        else if (pending.Length < maxPendingTicks)
        {
            var larger = new StreamTick[Math.Min(maxPendingTicks, pending.Length * 2)];
            Array.Copy(pending, _head, larger, 0, count);
            _pending = larger;
        }
        else
        {
            count = Conflate(pending, subscribed);
        }
        _head = 0;
        _tail = count;
    }

    /// <summary>
    /// Keeps only the newest pending tick of each still-subscribed symbol, in their original order, so at most
    /// <c>maxSymbols</c> remain; returns how many.
    /// </summary>
    private int Conflate(StreamTick[] pending, SubscribedSeqs subscribed)
    {
        var seen = _conflationScratch ??= new HashSet<int>(maxSymbols);
        int write = _tail;
        for (int read = _tail - 1; read >= _head; read--)
        {
            int symbolId = pending[read].SymbolId;
            if (subscribed.Contains(symbolId) && seen.Add(symbolId)) pending[--write] = pending[read];
        }
        seen.Clear();
        int kept = _tail - write;
        metrics.TicksConflated(_tail - _head - kept);
        Array.Copy(pending, write, pending, 0, kept);
        Array.Clear(pending, kept, _tail - kept);
        return kept;
    }
}
