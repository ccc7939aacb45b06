using StackExchange.Redis;
using StockStream.Protocol.Messages;

namespace StockStream.Server.Backplane.Redis;

/// <summary>
/// Feeding this node's hub: batches from the channel, in offset order, with gaps filled from the stream; market
/// changes come down the same channel, so they fall between the same batches on every node.
/// </summary>
public sealed partial class RedisBackplane
{
    private const string BatchField = "b";
    private const int PageSize = 256;

    private async Task ConsumeAsync(ChannelMessageQueue batches, CancellationToken cancellationToken)
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
                        if (_connected) _sink.SetMarketState(status.State);
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
                RedisLog.Gap(_logger, e.Message);
                _lifetime.StopApplication();
                return;
            }
            catch (Exception e) when (e is RedisException or InvalidDataException)
            {
                // The next batch, or the resync after a reconnect, fills what this one could not.
                RedisLog.ConsumeFailed(_logger, e.Message);
            }
        }
    }

    private async Task ApplyInOrderAsync(TickBatch batch, CancellationToken cancellationToken)
    {
        await _publishGate.WaitAsync(cancellationToken);
        try
        {
            // Batches missed while the subscription reconnected are in the stream: take those first.
            if (batch.FirstOffset > _sink.Offset + 1) await ForEachBatchAsync(_sink.Offset + 1, Apply);
            Apply(batch);
        }
        finally
        {
            _publishGate.Release();
        }
    }

    /// <summary>Brings the hub to the end of the stream.</summary>
    private async Task CatchUpAsync()
    {
        await _publishGate.WaitAsync();
        try
        {
            await ForEachBatchAsync(_sink.Offset + 1, Apply);
        }
        finally
        {
            _publishGate.Release();
        }
    }

    /// <summary>Publishes the batch when it is the next one; skips one already published.</summary>
    private void Apply(TickBatch batch)
    {
        if (batch.LastOffset <= _sink.Offset) return;
        if (batch.FirstOffset != _sink.Offset + 1) throw new StreamGapException(_sink.Offset, batch.FirstOffset);
        _sink.Publish(batch);
    }

    /// <summary>Reads the stream from the batch starting at <paramref name="firstOffset"/> to its end, a page at a time.</summary>
    private async Task ForEachBatchAsync(ulong firstOffset, Action<TickBatch> apply)
    {
        RedisValue from = $"{firstOffset}-0";
        while (true)
        {
            var entries = await _db.StreamRangeAsync(_keys.Ticks, from, "+", count: PageSize);
            foreach (var entry in entries) apply(StreamCodec.DecodeBatch((byte[])entry[BatchField]!));
            if (entries.Length < PageSize) return;
            from = $"({entries[^1].Id}";
        }
    }
}
