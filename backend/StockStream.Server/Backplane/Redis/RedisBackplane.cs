using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using StockStream.Protocol;
using StockStream.Protocol.Messages;
using StockStream.Server.Market;

namespace StockStream.Server.Backplane.Redis;

/// <summary>
/// Several nodes, one market. The node holding the lease (<see cref="RedisLease"/>) publishes each batch into a Redis
/// Stream and its channel; every node feeds its own hub from the channel (<see cref="RedisStreamConsumer"/>). Quotes
/// stored by the generating node let a joining node start exactly where the stream stands. This class joins the stream,
/// keeps the connection state and runs the leadership loop that ties the two collaborators together.
/// </summary>
public sealed class RedisBackplane : ITickBackplane, IHostedService
{
    private readonly ITickSink _sink;
    private readonly MarketOptions _market;
    private readonly BackplaneOptions _options;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<RedisBackplane> _logger;
    private readonly RedisKeys _keys;
    private readonly RedisLease _lease;
    private readonly CancellationTokenSource _stopping = new();
    private ConnectionMultiplexer? _redis;
    private IDatabase _db = null!;
    private RedisStreamConsumer _stream = null!;
    private volatile bool _connected;
    private Task _consumer = Task.CompletedTask;
    private Task _leadership = Task.CompletedTask;

    public RedisBackplane(ITickSink sink, IOptions<MarketOptions> market, IOptions<BackplaneOptions> options,
        IHostApplicationLifetime lifetime, IMeterFactory meterFactory, ILogger<RedisBackplane> logger)
    {
        _sink = sink;
        _market = market.Value;
        _options = options.Value;
        _lifetime = lifetime;
        _logger = logger;
        _keys = new RedisKeys(_options.KeyPrefix);
        _lease = new RedisLease(_keys, _options, logger, meterFactory);
    }

    public bool IsConnected => _connected;

    public MarketState MarketState => _sink.MarketState;

    public Task<GeneratorLease> AcquireGeneratorAsync(CancellationToken cancellationToken) => _lease.WaitAsync(cancellationToken);

    public async ValueTask PublishAsync(GeneratorLease lease, TickBatch batch, CancellationToken cancellationToken)
    {
        ulong kept = (ulong)_options.StreamMaxTicks;
        ulong oldestKept = batch.FirstOffset > kept ? batch.FirstOffset - kept : 0;
        RedisResult published;
        try
        {
            published = await _db.ScriptEvaluateAsync(RedisScripts.Publish, [_keys.Lease, _keys.Ticks, _keys.Market],
                [_lease.NodeId, $"{batch.FirstOffset}-0", $"{oldestKept}-0", StreamCodec.Encode(batch), _keys.Batches.ToString()]);
        }
        catch (RedisException e)
        {
            _lease.Lose(lease, e.Message);
            throw;
        }
        switch ((long)published)
        {
            case 0:
                _lease.Lose(lease, "another node holds the lease");
                throw new InvalidOperationException("The generator lease has passed to another node.");
            case 2:
                // Refused ticks never happened: the generator starts again from the stream once it is open.
                _lease.Lose(lease, "the market closed before the batch was published");
                throw new MarketNotOpenException();
        }
    }

    public async Task SetMarketStateAsync(MarketState state, CancellationToken cancellationToken)
    {
        if (!_connected) throw new BackplaneUnavailableException("Redis is unreachable, so the market state cannot be shared now.");
        try
        {
            var status = StreamCodec.Encode(new MarketStatusMessage(state, 0));
            await _db.ScriptEvaluateAsync(RedisScripts.SetMarket, [_keys.Market], [state.ToWire(), status, _keys.Batches.ToString()]);
        }
        catch (RedisException e)
        {
            throw new BackplaneUnavailableException("Redis is unreachable, so the market state cannot be shared now.", e);
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _redis = await RedisConnector.ConnectAsync(_options, _logger, cancellationToken);
        _db = _redis.GetDatabase();
        _stream = new RedisStreamConsumer(_sink, _db, _keys, () => _connected, _lifetime, _logger);
        var subscriber = _redis.GetSubscriber();
        // Subscribed before the stream is read, so no batch falls between the two.
        var batches = await subscriber.SubscribeAsync(_keys.Batches);
        await SeedAsync();
        await _stream.RestoreAsync();
        _redis.ConnectionFailed += OnConnectionFailed;
        _connected = true;
        RedisLog.Joined(_logger, _options.Redis, _sink.Epoch, _sink.Offset);
        _consumer = Task.Run(() => _stream.ConsumeAsync(batches, _stopping.Token), _stopping.Token);
        _leadership = Task.Run(() => LeadAsync(_stopping.Token), _stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_consumer, _leadership).ContinueWith(_ => { }, TaskScheduler.Default);
        await _lease.GiveUpAsync();
        if (_redis is not null)
        {
            _redis.ConnectionFailed -= OnConnectionFailed;
            await _redis.CloseAsync(allowCommandsToComplete: false);
            await _redis.DisposeAsync();
        }
    }

    /// <summary>
    /// One loop per node, every renew interval: find Redis again when it was lost; renew the lease (and store the
    /// quotes) when holding it; else take it when it is free and the generator is waiting for it.
    /// </summary>
    private async Task LeadAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(_options.RenewIntervalMs));
        long lastStored = 0;
        try
        {
            do
            {
                try
                {
                    if (!_connected)
                    {
                        if (_redis!.IsConnected && _redis.GetSubscriber().IsConnected(_keys.Batches)) await ResyncAsync();
                    }
                    else if (_lease.Held is { } lease)
                    {
                        if (!await _lease.RenewAsync(_db)) _lease.Lose(lease, "another node holds the lease");
                        else if (Environment.TickCount64 - lastStored >= _options.SnapshotIntervalMs)
                        {
                            await StoreQuotesAsync();
                            lastStored = Environment.TickCount64;
                        }
                    }
                    else if (_lease.IsWanted && await _lease.TryTakeAsync(_db, _stream.CatchUpAsync, () => ResumePoint.Of(_sink)))
                    {
                        lastStored = 0;
                    }
                }
                catch (RedisException e)
                {
                    MarkDisconnected(e.Message);
                }
                catch (StreamGapException e)
                {
                    RedisLog.Gap(_logger, e.Message);
                    _lifetime.StopApplication();
                    return;
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>Stores every quote as of a batch boundary, so a node joining later starts from them.</summary>
    private async Task StoreQuotesAsync()
    {
        var snapshot = await _stream.SnapshotAsync();
        await _db.ScriptEvaluateAsync(RedisScripts.StoreQuotes, [_keys.Lease, _keys.Quotes], [_lease.NodeId, StreamCodec.Encode(snapshot)]);
    }

    /// <summary>Writes the stream's identity when Redis has none (first node, or Redis lost its data), then checks it is ours.</summary>
    private async Task SeedAsync()
    {
        string catalog = $"seed {_market.Seed}, {_market.Symbols} symbols";
        await _db.StringSetAsync(_keys.Epoch, _sink.Epoch, when: When.NotExists);
        await _db.StringSetAsync(_keys.Catalog, catalog, when: When.NotExists);
        await _db.StringSetAsync(_keys.Market, _stream.SharedState.ToWire(), when: When.NotExists);
        string? stored = await _db.StringGetAsync(_keys.Catalog);
        if (stored != catalog)
            throw new InvalidOperationException(
                $"This node's market ({catalog}) is not the one in Redis ({stored}): start every node with the same Market:Seed and Market:Symbols.");
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
        await _stream.ReadSharedStateAsync();
        await _stream.CatchUpAsync();
        _connected = true;
        _sink.SetMarketState(_stream.SharedState);
        RedisLog.Restored(_logger, _sink.Offset);
    }

    /// <summary>Redis is gone: halt for this node's clients at once; the leadership loop resynchronises when it returns.</summary>
    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e)
    {
        if (_stopping.IsCancellationRequested) return;
        MarkDisconnected(e.Exception?.Message ?? e.FailureType.ToString());
    }

    private void MarkDisconnected(string reason)
    {
        if (!_connected) return;
        _connected = false;
        RedisLog.Lost(_logger, reason);
        _sink.SetMarketState(MarketState.Halted);
        _lease.LoseHeld("Redis is unreachable");
    }
}
