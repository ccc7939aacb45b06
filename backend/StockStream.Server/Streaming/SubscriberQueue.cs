using System.Diagnostics;
using StockStream.Protocol;
using StockStream.Protocol.Messages;

namespace StockStream.Server.Streaming;

/// <summary>
/// The bounded outbox of one streaming connection. The hub enqueues ticks without ever waiting; the connection's
/// writer loop takes frames out. Control items (messages, resumed ticks, and the live ticks a change of market state
/// must not overtake) go first, in order; live ticks are batched, filtered to the current subscriptions, and conflated
/// to the newest per symbol when the reader falls behind, so memory stays bounded. Everything below is guarded by
/// <see cref="_gate"/>; <see cref="AssertInvariants"/> states what holds whenever it is released.
/// </summary>
public sealed partial class SubscriberQueue(string id, int maxSymbols, int maxPendingTicks, int maxTicksPerFrame, StreamingMetrics metrics) : IDisposable
{
    private const int MaxControlItems = 4_096;
    // The queue owns its arrays: pooled ones would be held by every connection at once between a batch and its
    // drain, which empties a shared pool and makes it allocate per batch. Past this size they are dropped when drained.
    private const int KeptArrayLength = 256;
    private readonly Lock _gate = new();
    private readonly AsyncSignal _signal = new();
    private readonly SubscribedSeqs _subscribed = new();
    private readonly TickBacklog _backlog = new(maxPendingTicks, maxSymbols, metrics);
    private Queue<OutboundItem>? _control;
    private EncodedTick[]? _batch;
    // The publisher's: ticks of the batch being published, not yet queued (see Stage).
    private StreamTick[]? _staged;
    private int _stagedCount;
    // A wake-up of the writer is pending: set with the first item after a drain, cleared when the writer drains.
    private bool _signaled;
    private bool _completed;
    // Bytes of resumed ticks queued and not yet taken by the writer, against MaxReplayBytes.
    private long _replayBytes;

    public string Id { get; } = id;

    /// <summary>
    /// Most bytes of resumed ticks (at their JSON size) queued at once; a symbol whose missed ticks do not fit starts
    /// from a Snapshot instead, as when they are no longer held. Default no limit (the hub sets its own).
    /// </summary>
    public long MaxReplayBytes { get; init; } = long.MaxValue;

    /// <summary>What the client behind this connection may still have replayed, over all its connections; null for no such limit. Default null.</summary>
    public IReplayAllowance? ReplayAllowance { get; init; }

    /// <summary>Set when the outbox overflowed its control bound: the reader is too slow and must be dropped.</summary>
    public bool Overflowed { get; private set; }

    public int PendingTickCount { get { lock (_gate) return _backlog.Count; } }

    public bool IsCompleted { get { lock (_gate) return _completed; } }

    /// <summary>A control message is waiting or the queue is completed: the writer should not hold ticks back.</summary>
    public bool NeedsPromptSend { get { lock (_gate) return _completed || _control is { Count: > 0 }; } }

    /// <summary>
    /// Called by the hub's publisher for every tick of a subscribed symbol in the batch it publishes: the ticks are
    /// gathered here, without a lock, and queued together by <see cref="EnqueueStaged"/>. Returns true for the batch's
    /// first, so the hub knows which queues to flush. Only the publisher, under the hub's publish lock, touches what is staged.
    /// </summary>
    internal bool Stage(StreamTick tick)
    {
        _staged ??= new StreamTick[4];
        if (_stagedCount == _staged.Length) Array.Resize(ref _staged, 2 * _staged.Length);
        _staged[_stagedCount++] = tick;
        return _stagedCount == 1;
    }

    /// <summary>Queues the staged ticks under one lock (instead of one per tick); returns true when the writer must be woken.</summary>
    internal bool EnqueueStaged()
    {
        var staged = _staged.AsSpan(0, _stagedCount);
        bool wake = false;
        lock (_gate)
        {
            if (!_completed)
            {
                foreach (var tick in staged) _backlog.Add(tick, _subscribed);
                wake = !_signaled;
                _signaled = true;
                AssertInvariants();
            }
        }
        staged.Clear();
        _stagedCount = 0;
        // A batch replayed by a catching-up backplane can be large: its array is not kept.
        if (_staged!.Length > KeptArrayLength) _staged = null;
        return wake;
    }

    /// <summary>Wakes the writer loop; the hub calls it once per batch for every queue whose writer was not already due to wake.</summary>
    internal void Signal() => _signal.Set();

    public void EnqueueControl(ServerMessage message)
    {
        lock (_gate) AddControl(OutboundItem.Of(message));
        _signal.Set();
    }

    /// <summary>
    /// Queues a message of the stream itself (a change of market state) behind the live ticks already pending: they
    /// were published before it, so no client may see them after it (no tick after the market closed).
    /// </summary>
    public void EnqueueAfterPendingTicks(ServerMessage message)
    {
        lock (_gate)
        {
            while (!_completed && _backlog.Count > 0)
            {
                var flags = TakeTickBatch(out int count);
                if (count > 0) AddControl(new OutboundItem(null, _batch.AsSpan(0, count).ToArray(), flags));
            }
            AddControl(OutboundItem.Of(message));
        }
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
            if (!flushControl)
            {
                _control = null;
                _replayBytes = 0;
            }
            _backlog.Clear();
            AssertInvariants();
        }
        _signal.Set();
    }

    /// <summary>Completes the queue and drops its buffers; call once the writer loop has stopped.</summary>
    public void Dispose()
    {
        Complete();
        lock (_gate) _batch = null;
    }

    public ValueTask WaitAsync() => _signal.WaitAsync();

    /// <summary><see cref="System.Diagnostics.Stopwatch"/> timestamp of the signal that last woke a suspended <see cref="WaitAsync"/>.</summary>
    public long WokenAt => _signal.WokenAt;

    /// <summary>
    /// Conflates the pending ticks to the newest per symbol when the oldest of them is due before
    /// <paramref name="staleBefore"/> (Unix µs): the connection's own backlog shows that it reads too slowly, long before
    /// the queue's bound is reached. The next frame carries the conflated flag. Returns whether it conflated.
    /// </summary>
    public bool ConflateIfOlderThan(long staleBefore)
    {
        lock (_gate)
        {
            if (_completed || !_backlog.ConflateIfOlderThan(staleBefore, _subscribed)) return false;
            AssertInvariants();
            return true;
        }
    }

    /// <summary>
    /// The next frame to send, or false when nothing is pending. A tick batch is valid until the next call;
    /// the writer calls this again only after its send completed.
    /// </summary>
    public bool TryTake(out OutboundItem item)
    {
        lock (_gate)
        {
            if (_control is { Count: > 0 })
            {
                item = _control.Dequeue();
                // Control messages are few (a Hello, acks, errors): an idle socket keeps no queue for them.
                if (_control.Count == 0) _control = null;
                if (item.IsReplay) _replayBytes -= ReplayBytes(item.Ticks);
                return true;
            }
            while (!_completed && _backlog.Count > 0)
            {
                var flags = TakeTickBatch(out int count);
                if (count > 0)
                {
                    item = new OutboundItem(null, new ArraySegment<EncodedTick>(_batch!, 0, count), flags);
                    return true;
                }
            }
            item = default;
            _signaled = false;
            // Drained after a slow spell: give the large arrays back.
            _backlog.Drained(KeptArrayLength);
            if (_batch?.Length > KeptArrayLength) _batch = null;
            AssertInvariants();
            return false;
        }
    }

    private TickFlags TakeTickBatch(out int count)
    {
        Debug.Assert(_gate.IsHeldByCurrentThread);
        int wanted = Math.Min(_backlog.Count, maxTicksPerFrame);
        if (_batch is null || _batch.Length < wanted) _batch = new EncodedTick[Math.Max(16, wanted)];
        var flags = TickFlags.None;
        count = 0;
        while (count < maxTicksPerFrame && _backlog.TryTake(out var tick))
        {
            if (_subscribed.Admit(tick, ref flags)) _batch[count++] = tick;
        }
        Array.Clear(_batch, count, _batch.Length - count);
        return flags;
    }

    private void AddControl(OutboundItem item)
    {
        Debug.Assert(_gate.IsHeldByCurrentThread);
        if (_completed) return;
        _control ??= new Queue<OutboundItem>();
        if (_control.Count >= MaxControlItems)
        {
            Overflowed = true;
            return;
        }
        _control.Enqueue(item);
        if (item.IsReplay) _replayBytes += ReplayBytes(item.Ticks);
        _signaled = true;
        AssertInvariants();
    }

    private static long ReplayBytes(ArraySegment<EncodedTick> ticks)
    {
        long bytes = 0;
        foreach (var tick in ticks) bytes += ((StreamTick)tick).ReplayBytes;
        return bytes;
    }

    /// <summary>What holds whenever <see cref="_gate"/> is released (checked in debug builds, as BoundedChannel does).</summary>
    [Conditional("DEBUG")]
    private void AssertInvariants()
    {
        Debug.Assert(_gate.IsHeldByCurrentThread);
        _backlog.AssertInvariants();
        Debug.Assert(_subscribed.Count <= maxSymbols, "never more subscriptions than the symbol limit");
        Debug.Assert((_control?.Count ?? 0) <= MaxControlItems, "the control items stay within their bound");
        Debug.Assert(_replayBytes >= 0, "resumed bytes are counted out as often as in");
        if (_completed) Debug.Assert(_backlog.Count == 0, "a completed queue holds no ticks");
        else if (_backlog.Count > 0 || _control is { Count: > 0 }) Debug.Assert(_signaled, "whatever is pending has a wake-up pending");
    }
}
