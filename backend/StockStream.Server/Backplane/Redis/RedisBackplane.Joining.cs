using StackExchange.Redis;
using StockStream.Protocol;

namespace StockStream.Server.Backplane.Redis;

/// <summary>Joining the shared stream at start, and finding it again after Redis was lost.</summary>
public sealed partial class RedisBackplane
{
    private async Task<ConnectionMultiplexer> ConnectAsync(CancellationToken cancellationToken)
    {
        ConfigurationOptions configuration;
        try
        {
            configuration = ConfigurationOptions.Parse(_options.Redis);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"Backplane:Redis '{_options.Redis}' is not a Redis configuration string: {e.Message}", e);
        }
        configuration.AbortOnConnectFail = true;
        // Lost later, Redis is tried again soon and then less often, up to every 5 s.
        configuration.ReconnectRetryPolicy = new ExponentialRetry(250, 5_000);
        configuration.ClientName = "stockstream";
        var deadline = DateTime.UtcNow.AddSeconds(_options.JoinTimeoutSeconds);
        while (true)
        {
            try
            {
                return await ConnectionMultiplexer.ConnectAsync(configuration);
            }
            catch (RedisConnectionException e) when (DateTime.UtcNow < deadline)
            {
                RedisLog.Waiting(_logger, _options.Redis, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
            catch (RedisConnectionException e)
            {
                throw new InvalidOperationException(
                    $"Redis at '{_options.Redis}' could not be reached within {_options.JoinTimeoutSeconds} s: start it, or correct Backplane:Redis.", e);
            }
        }
    }

    /// <summary>Writes the stream's identity when Redis has none (first node, or Redis lost its data), then checks it is ours.</summary>
    private async Task SeedAsync()
    {
        string catalog = $"seed {_market.Seed}, {_market.Symbols} symbols";
        await _db.StringSetAsync(_keys.Epoch, _sink.Epoch, when: When.NotExists);
        await _db.StringSetAsync(_keys.Catalog, catalog, when: When.NotExists);
        await _db.StringSetAsync(_keys.Market, _sharedState.ToWire(), when: When.NotExists);
        string? stored = await _db.StringGetAsync(_keys.Catalog);
        if (stored != catalog)
            throw new InvalidOperationException(
                $"This node's market ({catalog}) is not the one in Redis ({stored}): start every node with the same Market:Seed and Market:Symbols.");
    }

    /// <summary>Takes the stored quotes, then every batch the stream holds: the older ones into history, the newer ones into quotes too.</summary>
    private async Task RestoreAsync()
    {
        string epoch = (await _db.StringGetAsync(_keys.Epoch))!;
        byte[]? stored = await _db.StringGetAsync(_keys.Quotes);
        var snapshot = stored is null ? null : StreamCodec.DecodeSnapshot(stored);
        var first = await _db.StreamRangeAsync(_keys.Ticks, "-", "+", count: 1);
        ulong quotesAt = snapshot?.Offset ?? 0;
        ulong firstHeld = first.Length > 0 ? StreamCodec.DecodeBatch((byte[])first[0][BatchField]!).FirstOffset : quotesAt + 1;
        if (firstHeld > quotesAt + 1)
        {
            // The stored quotes predate what the stream still holds: seqs continue from the stream, volumes may be short.
            RedisLog.QuotesBehindStream(_logger, quotesAt, firstHeld);
            quotesAt = firstHeld - 1;
        }
        _sink.Restore(epoch, quotesAt, snapshot?.Quotes, heldAfter: firstHeld - 1);
        await ForEachBatchAsync(firstHeld, batch =>
        {
            if (batch.LastOffset <= quotesAt) _sink.RestoreHistory(batch);
            else Apply(batch);
        });
        if (MarketStateNames.TryParse(await _db.StringGetAsync(_keys.Market), out var state)) _sharedState = state;
        _sink.SetMarketState(_sharedState);
    }

    /// <summary>Redis is back: same stream? then catch up and stream again. Another stream: this node cannot continue.</summary>
    private async Task ResyncAsync()
    {
        await SeedAsync();
        string? epoch = await _db.StringGetAsync(_keys.Epoch);
        if (epoch != _sink.Epoch)
        {
            RedisLog.OtherStream(_logger, epoch ?? "", _sink.Epoch);
            _lifetime.StopApplication();
            return;
        }
        if (MarketStateNames.TryParse(await _db.StringGetAsync(_keys.Market), out var state)) _sharedState = state;
        await CatchUpAsync();
        _connected = true;
        _sink.SetMarketState(_sharedState);
        RedisLog.Restored(_logger, _sink.Offset);
    }
}
