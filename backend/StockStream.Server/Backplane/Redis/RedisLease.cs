using System.Diagnostics.Metrics;
using StackExchange.Redis;

namespace StockStream.Server.Backplane.Redis;

/// <summary>
/// This node's side of the generator lease in Redis: taken when free and the generator waits for it, renewed while
/// held, given up, or lost. Its state is its own: the generator waiting for a lease, and the lease held (at most one).
/// </summary>
internal sealed class RedisLease
{
    private readonly RedisKeys _keys;
    private readonly BackplaneOptions _options;
    private readonly ILogger _logger;
    private GeneratorLease? _held;
    private TaskCompletionSource<GeneratorLease>? _waiter;

    public RedisLease(RedisKeys keys, BackplaneOptions options, ILogger logger, IMeterFactory meterFactory)
    {
        _keys = keys;
        _options = options;
        _logger = logger;
        meterFactory.Create(ServerMeter.Name).CreateObservableGauge("stockstream.backplane.generating", () => Held is null ? 0 : 1,
            description: "1 while this node holds the generator lease (it generates the market for every node), else 0.");
    }

    /// <summary>This node's name as the lease's owner in Redis.</summary>
    public string NodeId { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";

    public GeneratorLease? Held => Volatile.Read(ref _held);

    /// <summary>True while the generator waits for the lease.</summary>
    public bool IsWanted => Volatile.Read(ref _waiter) is { Task.IsCompleted: false };

    /// <summary>Completes with the lease once <see cref="TryTakeAsync"/> takes it for this caller.</summary>
    public Task<GeneratorLease> WaitAsync(CancellationToken cancellationToken)
    {
        var waiter = new TaskCompletionSource<GeneratorLease>(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _waiter, waiter);
        cancellationToken.Register(() => waiter.TrySetCanceled(cancellationToken));
        return waiter.Task;
    }

    /// <summary>
    /// Takes the lease when it is free; then <paramref name="catchUp"/> brings the hub to the end of the stream (nobody
    /// else can add to it now) and the waiting generator is handed <paramref name="resumeFrom"/>. False when the lease
    /// was not free or nobody waited for it any more.
    /// </summary>
    public async Task<bool> TryTakeAsync(IDatabase db, Func<Task> catchUp, Func<ResumePoint> resumeFrom)
    {
        if (!await db.StringSetAsync(_keys.Lease, NodeId, TimeSpan.FromMilliseconds(_options.LeaseMs), when: When.NotExists))
            return false;
        try
        {
            await catchUp();
        }
        catch
        {
            await ReleaseAsync(db, null);
            throw;
        }
        GeneratorLease lease = null!;
        lease = new GeneratorLease(resumeFrom(), () => ReleaseAsync(db, lease));
        Volatile.Write(ref _held, lease);
        RedisLog.LeaseTaken(_logger, lease.ResumeFrom.Offset);
        var waiter = Interlocked.Exchange(ref _waiter, null);
        if (waiter is not null && waiter.TrySetResult(lease)) return true;
        await lease.DisposeAsync();
        return false;
    }

    /// <summary>Extends the held lease; false when another node holds it now.</summary>
    public async Task<bool> RenewAsync(IDatabase db) =>
        (long)await db.ScriptEvaluateAsync(RedisScripts.Renew, [_keys.Lease], [NodeId, _options.LeaseMs]) == 1;

    /// <summary>Marks <paramref name="lease"/> lost, once, if it is the one held: its generator stops.</summary>
    public void Lose(GeneratorLease lease, string reason)
    {
        if (Interlocked.CompareExchange(ref _held, null, lease) != lease) return;
        RedisLog.LeaseLost(_logger, reason);
        lease.MarkLost();
    }

    /// <summary>Marks the held lease, if any, lost.</summary>
    public void LoseHeld(string reason)
    {
        if (Held is { } lease) Lose(lease, reason);
    }

    /// <summary>Gives up the held lease, if any (stopping).</summary>
    public ValueTask GiveUpAsync() => Held is { } lease ? lease.DisposeAsync() : ValueTask.CompletedTask;

    private async ValueTask ReleaseAsync(IDatabase db, GeneratorLease? lease)
    {
        Interlocked.CompareExchange(ref _held, null, lease);
        try
        {
            // Bounded: with Redis gone, waiting for it would only delay shutdown; the lease expires by itself.
            await db.ScriptEvaluateAsync(RedisScripts.Release, [_keys.Lease], [NodeId]).WaitAsync(TimeSpan.FromMilliseconds(_options.RenewIntervalMs));
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            RedisLog.ReleaseFailed(_logger, e.Message);
        }
    }
}
