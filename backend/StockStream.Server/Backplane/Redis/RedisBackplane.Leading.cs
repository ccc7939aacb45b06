using StackExchange.Redis;

namespace StockStream.Server.Backplane.Redis;

/// <summary>
/// One loop per node, every renew interval: find Redis again when it was lost; renew the lease (and store the
/// quotes) when holding it; else take it when it is free and the generator is waiting for it.
/// </summary>
public sealed partial class RedisBackplane
{
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
                    else if (Volatile.Read(ref _lease) is { } lease)
                    {
                        if (!await RenewAsync()) LoseLease(lease, "another node holds the lease");
                        else if (Environment.TickCount64 - lastStored >= _options.SnapshotIntervalMs)
                        {
                            await StoreQuotesAsync();
                            lastStored = Environment.TickCount64;
                        }
                    }
                    else if (Volatile.Read(ref _waiter) is { Task.IsCompleted: false } && await TryAcquireAsync())
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

    private async Task<bool> TryAcquireAsync()
    {
        if (!await _db.StringSetAsync(_keys.Lease, _nodeId, TimeSpan.FromMilliseconds(_options.LeaseMs), when: When.NotExists))
            return false;
        try
        {
            // Nobody else can add to the stream now: once caught up, the hub is at its end.
            await CatchUpAsync();
        }
        catch
        {
            await ReleaseAsync(null);
            throw;
        }
        GeneratorLease lease = null!;
        lease = new GeneratorLease(ResumePoint.Of(_sink), () => ReleaseAsync(lease));
        Volatile.Write(ref _lease, lease);
        RedisLog.LeaseTaken(_logger, _sink.Offset);
        var waiter = Interlocked.Exchange(ref _waiter, null);
        if (waiter is not null && waiter.TrySetResult(lease)) return true;
        await lease.DisposeAsync();
        return false;
    }

    private async Task<bool> RenewAsync() =>
        (long)await _db.ScriptEvaluateAsync(RedisScripts.Renew, [_keys.Lease], [_nodeId, _options.LeaseMs]) == 1;

    private async ValueTask ReleaseAsync(GeneratorLease? lease)
    {
        Interlocked.CompareExchange(ref _lease, null, lease);
        try
        {
            // Bounded: with Redis gone, waiting for it would only delay shutdown; the lease expires by itself.
            await _db.ScriptEvaluateAsync(RedisScripts.Release, [_keys.Lease], [_nodeId]).WaitAsync(TimeSpan.FromMilliseconds(_options.RenewIntervalMs));
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            RedisLog.ReleaseFailed(_logger, e.Message);
        }
    }

    /// <summary>Stores every quote as of a batch boundary, so a node joining later starts from them.</summary>
    private async Task StoreQuotesAsync()
    {
        QuoteSnapshot snapshot;
        await _publishGate.WaitAsync();
        try
        {
            snapshot = new QuoteSnapshot(_sink.Offset, _sink.Quotes());
        }
        finally
        {
            _publishGate.Release();
        }
        await _db.ScriptEvaluateAsync(RedisScripts.StoreQuotes, [_keys.Lease, _keys.Quotes], [_nodeId, StreamCodec.Encode(snapshot)]);
    }
}
