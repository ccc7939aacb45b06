namespace StockStream.Server.Streaming;

/// <summary>
/// The subscribers of one symbol, for a publisher that iterates without a lock: a slot array the publisher walks
/// (skipping empty slots), with a free list so that adding or removing one subscriber is O(1) and allocates
/// nothing. Only growth (doubling) and compaction (when three quarters of the slots are empty) build a new array, so
/// their cost is amortised over as many changes as the array holds. Every method but <see cref="Slots"/> is called
/// under the owner's lock.
/// </summary>
internal sealed class SubscriberSet
{
    private const int MinCapacity = 8;
    private readonly Dictionary<SubscriberQueue, int> _slotOf = [];
    private readonly Stack<int> _free = new();
    private SubscriberQueue?[] _slots = [];
    private int _used;

    /// <summary>
    /// The slots as of now. A slot emptied or filled while the publisher walks them may be seen either way: a queue
    /// drops ticks of symbols it no longer holds and ticks at or below the seq it started from.
    /// </summary>
    public SubscriberQueue?[] Slots => Volatile.Read(ref _slots);

    public int Count => _slotOf.Count;

    public bool Add(SubscriberQueue queue)
    {
        if (_slotOf.ContainsKey(queue)) return false;
        int slot;
        if (_free.Count > 0) slot = _free.Pop();
        else
        {
            if (_used == _slots.Length) Resize(Math.Max(MinCapacity, _slots.Length * 2));
            slot = _used++;
        }
        _slots[slot] = queue;
        _slotOf[queue] = slot;
        return true;
    }

    public bool Remove(SubscriberQueue queue)
    {
        if (!_slotOf.Remove(queue, out int slot)) return false;
        _slots[slot] = null;
        _free.Push(slot);
        if (_slots.Length > MinCapacity && _slotOf.Count < _slots.Length / 4) Resize(_slots.Length / 2);
        return true;
    }

    /// <summary>Copies the subscribers, packed, into a new array: the one the publisher may still walk stays as it was.</summary>
    private void Resize(int capacity)
    {
        var slots = new SubscriberQueue?[capacity];
        int used = 0;
        foreach (var queue in _slots)
        {
            if (queue is null) continue;
            _slotOf[queue] = used;
            slots[used++] = queue;
        }
        _free.Clear();
        _used = used;
        Volatile.Write(ref _slots, slots);
    }
}
