using Microsoft.Extensions.Options;
using StackExchange.Redis;
using StockStream.Protocol;
using StockStream.Protocol.Messages;
using StockStream.Server.Market;

namespace StockStream.Server.Backplane.Redis;

/// <summary>
/// Several nodes, one market. The node holding the lease publishes each batch into a Redis Stream and its channel;
/// every node feeds its own hub from the channel, in offset order, and fills any gap from the stream. Quotes stored
/// by the generating node let a joining node start exactly where the stream stands.
/// </summary>
public sealed partial class RedisBackplane : ITickBackplane, IHostedService
{
    private readonly ITickSink _sink;
    private readonly MarketOptions _market;
    private readonly BackplaneOptions _options;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<RedisBackplane> _logger;
    private readonly RedisKeys _keys;
    private readonly string _nodeId = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";
    // The hub takes batches from one caller at a time, in offset order: the consumer, or a catch-up.
    private readonly SemaphoreSlim _publishGate = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private ConnectionMultiplexer? _redis;
    private IDatabase _db = null!;
    private volatile bool _connected;
    private GeneratorLease? _lease;
    private TaskCompletionSource<GeneratorLease>? _waiter;
    private MarketState _sharedState;
    private Task _consumer = Task.CompletedTask;
    private Task _leadership = Task.CompletedTask;

    public RedisBackplane(ITickSink sink, IOptions<MarketOptions> market, IOptions<BackplaneOptions> options,
        IHostApplicationLifetime lifetime, ILogger<RedisBackplane> logger)
    {
        _sink = sink;
        _market = market.Value;
        _options = options.Value;
        _lifetime = lifetime;
        _logger = logger;
        _keys = new RedisKeys(_options.KeyPrefix);
        _sharedState = sink.MarketState;
    }

    public bool IsConnected => _connected;

    public MarketState MarketState => _sink.MarketState;

    public Task<GeneratorLease> AcquireGeneratorAsync(CancellationToken cancellationToken)
    {
        var waiter = new TaskCompletionSource<GeneratorLease>(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _waiter, waiter);
        cancellationToken.Register(() => waiter.TrySetCanceled(cancellationToken));
        return waiter.Task;
    }

    public async ValueTask PublishAsync(GeneratorLease lease, TickBatch batch, CancellationToken cancellationToken)
    {
        ulong kept = (ulong)_options.StreamMaxTicks;
        ulong oldestKept = batch.FirstOffset > kept ? batch.FirstOffset - kept : 0;
        RedisResult published;
        try
        {
            published = await _db.ScriptEvaluateAsync(RedisScripts.Publish, [_keys.Lease, _keys.Ticks, _keys.Market],
                [_nodeId, $"{batch.FirstOffset}-0", $"{oldestKept}-0", StreamCodec.Encode(batch), _keys.Batches.ToString()]);
        }
        catch (RedisException e)
        {
            LoseLease(lease, e.Message);
            throw;
        }
        switch ((long)published)
        {
            case 0:
                LoseLease(lease, "another node holds the lease");
                throw new InvalidOperationException("The generator lease has passed to another node.");
            case 2:
                // Refused ticks never happened: the generator starts again from the stream once it is open.
                LoseLease(lease, "the market closed before the batch was published");
                throw new InvalidOperationException("The market is not open.");
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
        _redis = await ConnectAsync(cancellationToken);
        _db = _redis.GetDatabase();
        var subscriber = _redis.GetSubscriber();
        // Subscribed before the stream is read, so no batch falls between the two.
        var batches = await subscriber.SubscribeAsync(_keys.Batches);
        await SeedAsync();
        await RestoreAsync();
        _redis.ConnectionFailed += OnConnectionFailed;
        _connected = true;
        RedisLog.Joined(_logger, _options.Redis, _sink.Epoch, _sink.Offset);
        _consumer = Task.Run(() => ConsumeAsync(batches, _stopping.Token), _stopping.Token);
        _leadership = Task.Run(() => LeadAsync(_stopping.Token), _stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_consumer, _leadership).ContinueWith(_ => { }, TaskScheduler.Default);
        if (_lease is { } lease) await lease.DisposeAsync();
        if (_redis is not null)
        {
            _redis.ConnectionFailed -= OnConnectionFailed;
            await _redis.CloseAsync(allowCommandsToComplete: false);
            await _redis.DisposeAsync();
        }
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
        if (_lease is { } lease) LoseLease(lease, "Redis is unreachable");
    }

    private void LoseLease(GeneratorLease lease, string reason)
    {
        if (Interlocked.CompareExchange(ref _lease, null, lease) != lease) return;
        RedisLog.LeaseLost(_logger, reason);
        lease.MarkLost();
    }
}
