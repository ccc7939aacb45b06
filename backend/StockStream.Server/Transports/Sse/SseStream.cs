using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using StockStream.Protocol;
using StockStream.Protocol.Http;
using StockStream.Protocol.Messages;
using StockStream.Server.Streaming;
using StockStream.Server.Transports.Http;

namespace StockStream.Server.Transports.Sse;

/// <summary>
/// One <c>/api/sse</c> stream: a first event like a poll without cursor (or a resume after <c>Last-Event-ID</c>),
/// then whatever its <see cref="SubscriberQueue"/> holds, as <c>ticks</c> and <c>market</c> events. The queue
/// conflates a slow reader; the generator never waits for one.
/// </summary>
internal sealed class SseStream(TickHub hub, SymbolFeed[] feeds, IReplayAllowance? replayAllowance, SseOptions options, TransportMetrics metrics, TimeProvider clock, ILogger logger)
{
    public const string TicksEvent = "ticks";
    public const string MarketEvent = "market";

    private readonly PooledBufferWriter _buffer = new();
    private readonly List<EncodedTick> _ticks = [];
    private bool _keepAliveDue;

    public async IAsyncEnumerable<SseItem<SseData>> ReadAsync(
        string id, PollCursor? lastEventId, CancellationToken stopping, [EnumeratorCancellation] CancellationToken aborted = default)
    {
        using var queue = hub.CreateQueue(id, options.MaxPendingTicks, options.MaxTicksPerBatch, replayAllowance: replayAllowance);
        metrics.ConnectionOpened(SseTransport.Transport);
        try
        {
            // Resume where the client's last event left off, if the stream still holds everything after it.
            var seqs = lastEventId is { } last && last.Epoch == hub.Epoch ? CursorReader.SeqsAt(feeds, last.Offset) : null;
            var cursor = lastEventId ?? default;
            MarketState? market = null;
            SseLog.Opened(logger, id, feeds.Length, seqs is not null ? "resumed" : lastEventId is null ? "new" : "stale cursor");
            if (seqs is null)
            {
                var start = CursorReader.Start(hub, feeds, lastEventId is null ? TickFlags.None : TickFlags.Missed);
                seqs = CursorReader.SeqsAfter(start);
                (cursor, market) = (start.Cursor, start.Market);
                yield return TicksItem(start) with { ReconnectionInterval = TimeSpan.FromMilliseconds(options.RetryMs) };
            }

            hub.Attach(queue);
            hub.Subscribe(queue, new SubscribeMessage(0, [.. feeds.Select(f => f.Symbol)], seqs));
            using var onAbort = aborted.Register(() => queue.Complete());
            using var onStop = stopping.Register(() => queue.Complete());
            // Wakes the loop when the stream has been silent for KeepAliveMs; re-armed after every item sent.
            var keepAlive = TimeSpan.FromMilliseconds(options.KeepAliveMs);
            using var keepAliveTimer = clock.CreateTimer(_ => { Volatile.Write(ref _keepAliveDue, true); queue.Signal(); },
                null, keepAlive, Timeout.InfiniteTimeSpan);
            while (!queue.IsCompleted)
            {
                await queue.WaitAsync();
                var flags = TickFlags.None;
                List<Quote>? quotes = null;
                while (queue.TryTake(out var item))
                {
                    switch (item.Message)
                    {
                        case MarketStatusMessage status when status.State != market:
                            market = status.State;
                            yield return MarketItem(status);
                            Rearm(keepAliveTimer, keepAlive);
                            break;
                        case SnapshotMessage snapshot:
                            // A resumed symbol's ticks were evicted meanwhile: it restarts from its quote.
                            (quotes ??= []).AddRange(snapshot.Quotes);
                            flags |= TickFlags.Missed;
                            break;
                        case null:
                            foreach (var tick in item.Ticks) _ticks.Add(tick);
                            flags |= item.Flags;
                            break;
                    }
                }
                if (_ticks.Count == 0 && quotes is null)
                {
                    if (!Volatile.Read(ref _keepAliveDue)) continue;
                    yield return new SseItem<SseData>(SseData.KeepAlive);
                    Rearm(keepAliveTimer, keepAlive);
                    continue;
                }
                // Everything pending was drained, so the newest offset taken is an exact cursor. Resumed ticks arrive
                // per symbol, so put them back in stream order first (live batches already are).
                if (!InStreamOrder(_ticks)) _ticks.Sort(static (a, b) => ((StreamTick)a).Offset.CompareTo(((StreamTick)b).Offset));
                var state = market ?? hub.MarketState;
                ulong offset = _ticks.Count > 0 ? Math.Max(cursor.Offset, ((StreamTick)_ticks[^1]).Offset) : cursor.Offset;
                cursor = new PollCursor(hub.Epoch, offset, state);
                yield return TicksItem(new PollAnswer(cursor, _ticks, flags, quotes ?? [], state));
                Rearm(keepAliveTimer, keepAlive);
                _ticks.Clear();
            }
        }
        finally
        {
            hub.Detach(queue);
            _buffer.Release();
            metrics.ConnectionClosed(SseTransport.Transport);
            SseLog.Ended(logger, id);
        }
    }

    private void Rearm(ITimer timer, TimeSpan keepAlive)
    {
        Volatile.Write(ref _keepAliveDue, false);
        timer.Change(keepAlive, Timeout.InfiniteTimeSpan);
    }

    private static bool InStreamOrder(List<EncodedTick> ticks)
    {
        for (int i = 1; i < ticks.Count; i++)
        {
            if (((StreamTick)ticks[i - 1]).Offset > ((StreamTick)ticks[i]).Offset) return false;
        }
        return true;
    }

    private SseItem<SseData> TicksItem(PollAnswer answer)
    {
        _buffer.Reset();
        PollAnswerFormat.Json.Write(_buffer, answer.ToWire(clock.NowMicroseconds()));
        metrics.Sent(SseTransport.Transport, answer.Ticks.Count, _buffer.WrittenCount);
        return new SseItem<SseData>(new SseData(_buffer.WrittenMemory), TicksEvent) { EventId = answer.Cursor.ToString() };
    }

    private SseItem<SseData> MarketItem(MarketStatusMessage status)
    {
        _buffer.Reset();
        using (var w = new Utf8JsonWriter(_buffer))
        {
            w.WriteStartObject();
            w.WriteString("market"u8, status.State.ToWire());
            w.WriteNumber("time"u8, status.ServerTime);
            w.WriteEndObject();
        }
        metrics.Sent(SseTransport.Transport, 0, _buffer.WrittenCount);
        return new SseItem<SseData>(new SseData(_buffer.WrittenMemory), MarketEvent);
    }
}
