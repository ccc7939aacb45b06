using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using StockStream.Protocol;
using StockStream.Protocol.Messages;

namespace StockStream.Server.Streaming;

/// <summary>
/// The bounded outbox of one streaming connection. The hub enqueues ticks without ever waiting; the connection's
/// writer loop takes frames out. Control messages go first, in order; ticks are batched, filtered to the current
/// subscriptions, and conflated to the newest per symbol when the reader falls behind, so memory stays bounded.
/// </summary>
public sealed partial class SubscriberQueue(string id, int maxSymbols, int maxPendingTicks, int maxTicksPerFrame, StreamingMetrics metrics) : IDisposable
{
    private const int MaxControlItems = 4_096;
    // The queue owns its arrays: pooled ones would be held by every connection at once between a batch and its
    // drain, which empties a shared pool and makes it allocate per batch. Past this size they are dropped when drained.
    private const int KeptArrayLength = 256;
    private readonly Lock _gate = new();
    private readonly AsyncSignal _signal = new();
    private readonly Dictionary<int, ulong> _lastSentSeq = [];
    private Queue<object>? _control;
    private StreamTick[]? _pending;
    private int _head, _tail;
    private EncodedTick[]? _batch;
    private HashSet<int>? _conflationScratch;
    private bool _signaled, _completed;

    public string Id { get; } = id;

    /// <summary>Set when the outbox overflowed its control bound: the reader is too slow and must be dropped.</summary>
    public bool Overflowed { get; private set; }

    public int SubscriptionCount { get { lock (_gate) return _lastSentSeq.Count; } }

    public int PendingTickCount { get { lock (_gate) return _tail - _head; } }

    /// <summary>Called by the hub for every tick of a subscribed symbol. Returns true when the writer must be woken.</summary>
    internal bool Enqueue(StreamTick tick)
    {
        lock (_gate)
        {
            if (_completed) return false;
            if (_pending is null) _pending = new StreamTick[16];
            else if (_tail == _pending.Length) MakeRoom();
            _pending[_tail++] = tick;
            return WakeWriter();
        }
    }

    /// <summary>Wakes the writer loop; the hub calls it once per batch for every queue it touched.</summary>
    internal void Signal() => _signal.Set();

    public void EnqueueControl(ServerMessage message)
    {
        lock (_gate) AddControl(message);
        _signal.Set();
    }

    /// <summary>
    /// Ends the queue: no more ticks or messages are taken in, pending ticks are dropped, and the writer's
    /// <see cref="WaitAsync"/> returns. With <paramref name="flushControl"/> the queued control messages
    /// (an Error before a close, say) are still handed out first.
    /// </summary>
    public void Complete(bool flushControl = false)
    {
        lock (_gate)
        {
            _completed = true;
            if (!flushControl) _control = null;
            _pending = null;
            _head = _tail = 0;
        }
        _signal.Set();
    }

    /// <summary>Completes the queue and drops its buffers; call once the writer loop has stopped.</summary>
    public void Dispose()
    {
        Complete();
        lock (_gate) _batch = null;
    }

    public bool IsCompleted { get { lock (_gate) return _completed; } }

    /// <summary>A control message is waiting or the queue is completed: the writer should not hold ticks back.</summary>
    public bool NeedsPromptSend { get { lock (_gate) return _completed || _control is { Count: > 0 }; } }

    public ValueTask WaitAsync() => _signal.WaitAsync();

    /// <summary><see cref="System.Diagnostics.Stopwatch"/> timestamp of the signal that last woke a suspended <see cref="WaitAsync"/>.</summary>
    public long WokenAt => _signal.WokenAt;

    /// <summary>
    /// The next frame to send, or false when nothing is pending. A tick batch is valid until the next call;
    /// the writer calls this again only after its send completed.
    /// </summary>
    public bool TryTake(out OutboundItem item)
    {
        lock (_gate)
        {
            item = default;
            if (_control is { Count: > 0 })
            {
                item = _control.Dequeue() switch
                {
                    ServerMessage message => new OutboundItem(message, ArraySegment<EncodedTick>.Empty, TickFlags.None),
                    StreamTick[] resumed => new OutboundItem(null, resumed, TickFlags.None),
                    var other => throw new InvalidOperationException($"Unexpected outbox item {other.GetType().Name}."),
                };
                return true;
            }
            while (!_completed && _tail > _head)
            {
                var flags = TakeTickBatch(out int count);
                if (count > 0)
                {
                    item = new OutboundItem(null, new ArraySegment<EncodedTick>(_batch!, 0, count), flags);
                    return true;
                }
            }
            _signaled = false;
            _head = _tail = 0;
            // Drained after a slow spell: give the large arrays back.
            if (_pending?.Length > KeptArrayLength) _pending = null;
            if (_batch?.Length > KeptArrayLength) _batch = null;
            return false;
        }
    }

    private TickFlags TakeTickBatch(out int count)
    {
        int wanted = Math.Min(_tail - _head, maxTicksPerFrame);
        if (_batch is null || _batch.Length < wanted) _batch = new EncodedTick[Math.Max(16, wanted)];
        var flags = TickFlags.None;
        count = 0;
        while (_tail > _head && count < maxTicksPerFrame)
        {
            var tick = _pending![_head];
            _pending[_head++] = null!;
            ref ulong lastSent = ref CollectionsMarshal.GetValueRefOrNullRef(_lastSentSeq, tick.SymbolId);
            // Dropped: unsubscribed since it was queued, or already covered by a snapshot or resume.
            if (Unsafe.IsNullRef(ref lastSent) || tick.Tick.Seq <= lastSent) continue;
            if (tick.Tick.Seq != lastSent + 1) flags |= TickFlags.Conflated;
            lastSent = tick.Tick.Seq;
            _batch[count++] = tick;
        }
        Array.Clear(_batch, count, _batch.Length - count);
        return flags;
    }

    private bool WakeWriter()
    {
        if (_signaled) return false;
        _signaled = true;
        return true;
    }

    private void AddControl(object item)
    {
        if (_completed) return;
        _control ??= new Queue<object>();
        if (_control.Count >= MaxControlItems)
        {
            Overflowed = true;
            return;
        }
        _control.Enqueue(item);
        _signaled = true;
    }
}
