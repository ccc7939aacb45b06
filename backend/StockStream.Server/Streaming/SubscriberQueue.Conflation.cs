namespace StockStream.Server.Streaming;

public sealed partial class SubscriberQueue
{
    /// <summary>Makes room for one more tick: reuse the consumed front, grow up to the bound, else conflate.</summary>
    private void MakeRoom()
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
            count = Conflate(pending, _head, _tail);
        }
        _head = 0;
        _tail = count;
    }

    /// <summary>
    /// Conflates the pending ticks to the newest per symbol when the oldest of them is due before
    /// <paramref name="staleBefore"/> (Unix µs): the connection's own backlog shows that it reads too slowly, long before
    /// the queue's bound is reached. The next frame carries the conflated flag. Returns whether it conflated.
    /// </summary>
    public bool ConflateIfOlderThan(long staleBefore)
    {
        lock (_gate)
        {
            if (_completed || _tail == _head || _pending![_head].Tick.Time >= staleBefore) return false;
            int kept = Conflate(_pending, _head, _tail);
            _head = 0;
            _tail = kept;
            return true;
        }
    }

    /// <summary>
    /// Keeps only the newest pending tick of each still-subscribed symbol, in their original order, so at most
    /// <c>maxSymbols</c> remain; returns how many.
    /// </summary>
    private int Conflate(StreamTick[] pending, int head, int tail)
    {
        var seen = _conflationScratch ??= new HashSet<int>(maxSymbols);
        int write = tail;
        for (int read = tail - 1; read >= head; read--)
        {
            int symbolId = pending[read].SymbolId;
            if (_lastSentSeq.ContainsKey(symbolId) && seen.Add(symbolId)) pending[--write] = pending[read];
        }
        seen.Clear();
        int kept = tail - write;
        metrics.TicksConflated(tail - head - kept);
        Array.Copy(pending, write, pending, 0, kept);
        Array.Clear(pending, kept, tail - kept);
        return kept;
    }
}
