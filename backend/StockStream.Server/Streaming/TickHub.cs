using System.Collections.Frozen;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using StockStream.Protocol;
using StockStream.Protocol.Messages;
using StockStream.Server.Backplane;
using StockStream.Server.Market;

namespace StockStream.Server.Streaming;

/// <summary>
/// The fan-out: takes batches of ticks from the backplane, encodes each once, records it in its symbol's feed,
/// and hands it to every subscriber's queue without ever waiting for a client.
/// </summary>
public sealed class TickHub : ITickSink
{
    private readonly SymbolFeed[] _feeds;
    private readonly FrozenDictionary<string, SymbolFeed> _bySymbol;
    private readonly FrozenDictionary<string, SymbolFeed>.AlternateLookup<ReadOnlySpan<char>> _bySymbolSpan;
    private readonly StreamingOptions _options;
    private readonly StreamingMetrics _metrics;
    private readonly TimeProvider _clock;
    private readonly Lock _stateGate = new();
    private readonly List<SubscriberQueue> _touched = [];
    // Publishing a batch and changing the market state exclude each other (an admin request may close the market while
    // the generator publishes); uncontended, as publishing is one thread at a time.
    private readonly Lock _publishGate = new();
    // Market-state broadcasts are rare and connects frequent: a set under the state lock, not a copied array.
    private readonly HashSet<SubscriberQueue> _attached = [];
    private volatile MarketState _state;
    private bool _closedSinceSession; // guarded by _stateGate: the next open starts a new session
    private TaskCompletionSource _stateChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ulong _offset;

    public TickHub(InstrumentCatalog catalog, IOptions<StreamingOptions> options, IOptions<MarketOptions> market,
        StreamingMetrics metrics, TimeProvider clock)
    {
        _options = options.Value;
        _metrics = metrics;
        _clock = clock;
        _state = market.Value.InitialState;
        _closedSinceSession = _state == MarketState.Closed;
        long sessionStart = clock.NowMicroseconds();
        int historyCapacity = _options.HistoryCapacityPerSymbol(catalog.Count);
        _feeds = [.. catalog.All.Select(i => new SymbolFeed(i.Id, i.Symbol, PriceModel.Round(i.StartPrice, market.Value.TickSize), sessionStart, _options, historyCapacity))];
        _bySymbol = _feeds.ToFrozenDictionary(f => f.Symbol, StringComparer.Ordinal);
        _bySymbolSpan = _bySymbol.GetAlternateLookup<ReadOnlySpan<char>>();
        Epoch = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        metrics.ObservePendingTicks(PendingTicks);
    }

    /// <inheritdoc />
    public string Epoch { get; private set; }

    public int MaxSymbols => _options.MaxSymbols;

    /// <summary>Most bytes of missed ticks a resume may queue for one connection, or one poll answer carry.</summary>
    public int MaxReplayBytes => _options.MaxReplayBytes;

    public MarketState MarketState => _state;

    /// <summary>Offset of the newest tick published; a cursor meaning "now".</summary>
    public ulong Offset => Volatile.Read(ref _offset);

    public IReadOnlyList<SymbolFeed> Feeds => _feeds;

    public IReadOnlyList<Quote> Quotes() => [.. _feeds.Select(f => f.Quote)];

    /// <summary>A new outbox for one connection, bounded as its transport configures (symbols: <see cref="MaxSymbols"/> unless given).</summary>
    public SubscriberQueue CreateQueue(string id, int maxPendingTicks, int maxTicksPerFrame, int? maxSymbols = null, IReplayAllowance? replayAllowance = null) =>
        new(id, maxSymbols ?? _options.MaxSymbols, maxPendingTicks, maxTicksPerFrame, _metrics)
        {
            MaxReplayBytes = _options.MaxReplayBytes,
            ReplayAllowance = replayAllowance,
        };

    public bool TryGetFeed(string symbol, out SymbolFeed feed) => _bySymbol.TryGetValue(symbol, out feed!);

    /// <summary>The feed of a symbol read from a request's text, without making a string of it.</summary>
    public bool TryGetFeed(ReadOnlySpan<char> symbol, out SymbolFeed feed) => _bySymbolSpan.TryGetValue(symbol, out feed!);

    /// <summary>Publishes the batch that follows <see cref="Offset"/>. Called by one thread at a time (the backplane's consumer).</summary>
    public void Publish(TickBatch batch)
    {
        lock (_publishGate) PublishLocked(batch);
    }

    /// <inheritdoc />
    public bool PublishWhileOpen(TickBatch batch)
    {
        lock (_publishGate)
        {
            if (_state != MarketState.Open) return false;
            PublishLocked(batch);
            return true;
        }
    }

    private void PublishLocked(TickBatch batch)
    {
        if (batch.FirstOffset != _offset + 1)
            throw new InvalidOperationException($"A batch starting at offset {batch.FirstOffset} cannot follow offset {_offset}.");
        ulong offset = batch.FirstOffset;
        foreach (var tick in batch.Ticks)
        {
            if (_bySymbol.TryGetValue(tick.Symbol, out var feed))
            {
                var encoded = new StreamTick(tick, feed.Id, offset);
                var subscribers = feed.Append(encoded, out var waiters);
                Volatile.Write(ref _offset, offset);
                foreach (var subscriber in subscribers)
                {
                    if (subscriber?.Stage(encoded) == true) _touched.Add(subscriber);
                }
                waiters?.TrySetResult();
            }
            offset++;
        }
        Volatile.Write(ref _offset, batch.LastOffset);
        // One lock and at most one wake-up per connection per batch: this is what lets a frame carry many ticks.
        foreach (var subscriber in _touched)
        {
            if (subscriber.EnqueueStaged()) subscriber.Signal();
        }
        _touched.Clear();
    }

    /// <inheritdoc />
    public void Restore(string epoch, ulong offset, IReadOnlyList<Quote>? quotes, ulong heldAfter)
    {
        Epoch = epoch;
        var bySymbol = quotes?.ToDictionary(q => q.Symbol, StringComparer.Ordinal);
        foreach (var feed in _feeds) feed.Restore(bySymbol?.GetValueOrDefault(feed.Symbol), heldAfter);
        // The shared quotes are of the stream's current session: a reopen already behind them must not restart it.
        lock (_stateGate) _closedSinceSession = false;
        Volatile.Write(ref _offset, offset);
    }

    /// <inheritdoc />
    public void RestoreHistory(TickBatch batch)
    {
        ulong offset = batch.FirstOffset;
        foreach (var tick in batch.Ticks)
        {
            if (_bySymbol.TryGetValue(tick.Symbol, out var feed)) feed.Remember(new StreamTick(tick, feed.Id, offset));
            offset++;
        }
    }

    public void SetMarketState(MarketState state)
    {
        // Between two batches, never inside one: every tick of a batch is queued before the change, none after it.
        lock (_publishGate) ChangeMarketState(state);
    }

    private void ChangeMarketState(MarketState state)
    {
        TaskCompletionSource changed;
        lock (_stateGate)
        {
            if (_state == state) return;
            long now = _clock.NowMicroseconds();
            // Every node of a shared stream applies changes between the same batches, so all restart alike.
            if (state == MarketState.Open && _closedSinceSession)
            {
                foreach (var feed in _feeds) feed.StartSession(now);
                _closedSinceSession = false;
            }
            if (state == MarketState.Closed) _closedSinceSession = true;
            _state = state;
            var message = new MarketStatusMessage(state, now);
            foreach (var queue in _attached) queue.EnqueueAfterPendingTicks(message);
            changed = _stateChanged;
            _stateChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
    }

    /// <summary>Completes at the next change of market state.</summary>
    public Task MarketStateChangedAsync()
    {
        lock (_stateGate) return _stateChanged.Task;
    }

    /// <summary>Registers a queue for market-state broadcasts and queues the current state, atomically.</summary>
    public void Attach(SubscriberQueue queue)
    {
        lock (_stateGate)
        {
            _attached.Add(queue);
            queue.EnqueueControl(new MarketStatusMessage(_state, _clock.NowMicroseconds()));
        }
    }

    /// <summary>Removes a queue from every feed and from broadcasts; completing it is its owner's call.</summary>
    public void Detach(SubscriberQueue queue)
    {
        lock (_stateGate) _attached.Remove(queue);
        foreach (int id in queue.SubscribedIds()) _feeds[id].Unsubscribe(queue);
    }

    private long PendingTicks()
    {
        lock (_stateGate) return _attached.Sum(q => (long)q.PendingTickCount);
    }

    public void Subscribe(SubscriberQueue queue, SubscribeMessage message)
    {
        var rejected = new List<SymbolRejection>();
        queue.Subscribe(message.ReqId, Resolve(message.Symbols, rejected, requireKnown: true), rejected, message.Resume);
    }

    public void Unsubscribe(SubscriberQueue queue, UnsubscribeMessage message)
    {
        var rejected = new List<SymbolRejection>();
        queue.Unsubscribe(message.ReqId, Resolve(message.Symbols, rejected, requireKnown: false), rejected);
    }

    private List<(string, SymbolFeed?)> Resolve(IReadOnlyList<string> symbols, List<SymbolRejection> rejected, bool requireKnown)
    {
        var resolved = new List<(string, SymbolFeed?)>(symbols.Count);
        foreach (string symbol in symbols)
        {
            if (!SymbolName.IsValid(symbol)) rejected.Add(new SymbolRejection(symbol, SymbolRejection.InvalidSymbol));
            else if (_bySymbol.TryGetValue(symbol, out var feed)) resolved.Add((symbol, feed));
            else if (requireKnown) rejected.Add(new SymbolRejection(symbol, SymbolRejection.UnknownSymbol));
            else resolved.Add((symbol, null));
        }
        return resolved;
    }
}
