using StackExchange.Redis;
using StockStream.Protocol;
using StockStream.Protocol.Messages;

namespace StockStream.Server.Backplane.Redis;

/// <summary>
/// Feeds this node's hub from the shared stream: batches from the channel, in offset order, with gaps filled from the
/// Redis Stream; market changes come down the same channel, so they fall between the same batches on every node. Its
/// state is its own: the gate that lets one caller at a time feed the hub (the channel or a catch-up), and the market
/// state of the shared stream, which this node's clients are told while it is connected.
/// </summary>
internal sealed class RedisStreamConsumer(ITickSink sink, IDatabase db, RedisKeys keys, Func<bool> isConnected,
    IHostApplicationLifetime lifetime, ILogger logger)
{
    private const string BatchField = "b";
    private const int PageSize = 256;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private MarketState _sharedState = sink.MarketState;

    /// <summary>The market state of the shared stream as last seen (the node's own until it has seen one).</summary>
    public MarketState SharedState => _sharedState;

    /// <summary>Takes the stored quotes, then every batch the stream holds: the older ones into history, the newer ones into quotes too.</summary>
    public async Task RestoreAsync()
    {
        string epoch = (await db.StringGetAsync(keys.Epoch))!;
        byte[]? stored = await db.StringGetAsync(keys.Quotes);
        var snapshot = stored is null ? null : StreamCodec.DecodeSnapshot(stored);
        var first = await db.StreamRangeAsync(keys.Ticks, "-", "+", count: 1);
        ulong quotesAt = snapshot?.Offset ?? 0;
        ulong firstHeld = first.Length > 0 ? StreamCodec.DecodeBatch((byte[])first[0][BatchField]!).FirstOffset : quotesAt + 1;
        if (firstHeld > quotesAt + 1)
        {
            // The stored quotes predate what the stream still holds: seqs continue from the stream, volumes may be short.
            RedisLog.QuotesBehindStream(logger, quotesAt, firstHeld);
            quotesAt = firstHeld - 1;
        }
        sink.Restore(epoch, quotesAt, snapshot?.Quotes, heldAfter: firstHeld - 1);
        await ForEachBatchAsync(firstHeld, batch =>
        {
            if (batch.LastOffset <= quotesAt) sink.RestoreHistory(batch);
            else Apply(batch);
        });
        await ReadSharedStateAsync();
        sink.SetMarketState(_sharedState);
    }

    /// <summary>Reads the shared market state from Redis (after joining, or finding Redis again).</summary>
    public async Task ReadSharedStateAsync()
    {
        if (MarketStateNames.TryParse(await db.StringGetAsync(keys.Market), out var state)) _sharedState = state;
    }

    /// <summary>Brings the hub to the end of the stream.</summary>
    public async Task CatchUpAsync()
    {
        await _gate.WaitAsync();
        try
        {
            await ForEachBatchAsync(sink.Offset + 1, Apply);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Every quote as of a batch boundary, for nodes joining later.</summary>
    public async Task<QuoteSnapshot> SnapshotAsync()
    {
        await _gate.WaitAsync();
        try
        {
            return new QuoteSnapshot(sink.Offset, sink.Quotes());
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Feeds the hub from the channel until cancelled; a gap the stream cannot fill stops the node.</summary>
    public async Task ConsumeAsync(ChannelMessageQueue batches, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var received = await batches.ReadAsync(cancellationToken);
                switch (StreamCodec.Decode((byte[])received.Message!, out ulong offset))
                {
                    case TicksMessage ticks:
                        await ApplyInOrderAsync(new TickBatch(offset, ticks.Ticks), cancellationToken);
                        break;
                    case MarketStatusMessage status:
                        _sharedState = status.State;
                        if (isConnected()) sink.SetMarketState(status.State);
                        break;
                    case var other:
                        throw new InvalidDataException($"Unexpected {other.GetType().Name} on the batches channel.");
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (StreamGapException e)
            {
                RedisLog.Gap(logger, e.Message);
                lifetime.StopApplication();
                return;
            }
            catch (Exception e) when (e is RedisException or InvalidDataException)
            {
                // The next batch, or the resync after a reconnect, fills what this one could not.
                RedisLog.ConsumeFailed(logger, e.Message);
            }
        }
    }

    private async Task ApplyInOrderAsync(TickBatch batch, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Batches missed while the subscription reconnected are in the stream: take those first.
            if (batch.FirstOffset > sink.Offset + 1) await ForEachBatchAsync(sink.Offset + 1, Apply);
            Apply(batch);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Publishes the batch when it is the next one; skips one already published.</summary>
    private void Apply(TickBatch batch)
    {
        if (batch.LastOffset <= sink.Offset) return;
        if (batch.FirstOffset != sink.Offset + 1) throw new StreamGapException(sink.Offset, batch.FirstOffset);
        sink.Publish(batch);
    }

    /// <summary>Reads the stream from the batch starting at <paramref name="firstOffset"/> to its end, a page at a time.</summary>
    private async Task ForEachBatchAsync(ulong firstOffset, Action<TickBatch> apply)
    {
        RedisValue from = $"{firstOffset}-0";
        while (true)
        {
            var entries = await db.StreamRangeAsync(keys.Ticks, from, "+", count: PageSize);
            foreach (var entry in entries) apply(StreamCodec.DecodeBatch((byte[])entry[BatchField]!));
            if (entries.Length < PageSize) return;
            from = $"({entries[^1].Id}";
        }
    }
}
