using StockStream.Protocol;

namespace StockStream.Server.Streaming;

/// <summary>
/// Everything the hub keeps for one symbol: its quote, history, subscribers (O(1) to add or remove) and waiting polls. One short lock
/// makes "append tick" and "register subscriber + read quote" atomic, so a snapshot and the stream meet exactly.
/// </summary>
public sealed class SymbolFeed
{
    private readonly Lock _gate = new();
    private readonly TickHistory _history;
    private QuoteState _quote;
    private readonly SubscriberSet _subscribers = new();
    private TaskCompletionSource? _nextTick;

    public SymbolFeed(int id, string symbol, double openPrice, long sessionStart, StreamingOptions options, int historyCapacity)
    {
        Id = id;
        Symbol = symbol;
        _quote = new QuoteState(openPrice, sessionStart);
        _history = new TickHistory(historyCapacity, options.HistorySeconds * 1_000_000L);
    }

    public int Id { get; }

    public string Symbol { get; }

    /// <summary>Records a tick and returns who must receive it; the caller fans out after the lock is released.</summary>
    internal SubscriberQueue?[] Append(StreamTick tick, out TaskCompletionSource? waiters)
    {
        lock (_gate)
        {
            _history.Append(tick);
            _quote.Apply(tick.Tick);
            waiters = _nextTick;
            _nextTick = null;
            return _subscribers.Slots;
        }
    }

    /// <summary>Takes the quote a shared stream holds (null: keep the opening quote); older history counts as evicted.</summary>
    internal void Restore(Quote? quote, ulong heldAfter)
    {
        lock (_gate)
        {
            if (quote is not null) _quote = QuoteState.From(quote);
            _history.MarkEvictedThrough(heldAfter);
        }
    }

    internal void StartSession(long now)
    {
        lock (_gate) _quote.StartSession(now);
    }

    /// <summary>Records a tick in the history without touching the quote (a restored tick the quote already counts).</summary>
    internal void Remember(StreamTick tick)
    {
        lock (_gate) _history.Append(tick);
    }

    public Quote Quote
    {
        get { lock (_gate) return _quote.ToQuote(Symbol); }
    }

    /// <summary>Adds a subscriber and returns the quote it starts from, atomically with the stream.</summary>
    internal Quote Subscribe(SubscriberQueue subscriber)
    {
        lock (_gate)
        {
            _subscribers.Add(subscriber);
            return _quote.ToQuote(Symbol);
        }
    }

    /// <summary>
    /// Adds a subscriber that resumes after <paramref name="lastSeenSeq"/>: the missed ticks when all are held and take
    /// at most <paramref name="maxBytes"/>, else null (<paramref name="overBudget"/> when they were held but too many)
    /// and the quote to snapshot from.
    /// </summary>
    internal StreamTick[]? SubscribeResuming(SubscriberQueue subscriber, ulong lastSeenSeq, long maxBytes, out Quote quote, out bool overBudget)
    {
        lock (_gate)
        {
            _subscribers.Add(subscriber);
            quote = _quote.ToQuote(Symbol);
            overBudget = false;
            if (lastSeenSeq > _quote.Seq) return null;
            if (lastSeenSeq == _quote.Seq) return [];
            return _history.After(lastSeenSeq, maxBytes, out overBudget);
        }
    }

    internal void Unsubscribe(SubscriberQueue subscriber)
    {
        lock (_gate)
        {
            _subscribers.Remove(subscriber);
        }
    }

    public int SubscriberCount
    {
        get { lock (_gate) return _subscribers.Count; }
    }

    /// <summary>Ticks after a stream offset; <paramref name="missed"/> when some of them were evicted.</summary>
    public StreamTick[] AfterOffset(ulong offset, out bool missed)
    {
        lock (_gate)
        {
            missed = _history.EvictedThroughOffset > offset;
            return _history.AfterOffset(offset);
        }
    }

    /// <summary>
    /// Ticks after a stream offset, or null (nothing copied) when they would take more than <paramref name="maxBytes"/>;
    /// <paramref name="missed"/> when some of them were evicted.
    /// </summary>
    public StreamTick[]? AfterOffset(ulong offset, long maxBytes, out bool missed)
    {
        lock (_gate)
        {
            missed = _history.EvictedThroughOffset > offset;
            return missed ? [] : _history.AfterOffset(offset, maxBytes);
        }
    }

    /// <summary>Ticks at or after a time (Unix µs).</summary>
    public StreamTick[] Since(long time)
    {
        lock (_gate) return _history.Since(time);
    }

    /// <summary>Completes when the next tick of this symbol is appended (for held polls; never on the generator's thread).</summary>
    public Task NextTickAsync()
    {
        lock (_gate)
        {
            _nextTick ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _nextTick.Task;
        }
    }
}
