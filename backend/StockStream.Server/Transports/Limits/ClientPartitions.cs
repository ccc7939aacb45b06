using System.Net;
using System.Threading.RateLimiting;

namespace StockStream.Server.Transports.Limits;

/// <summary>The per-address limiters, chained: stream openings, open streams, API requests — each applied by path.</summary>
internal static class ClientPartitions
{
    public static PartitionedRateLimiter<HttpContext> Create(ClientLimitsOptions limits) =>
        PartitionedRateLimiter.CreateChained(
            Partition(limits, IsStream, limits.ConnectAttemptsPerSecond, rate => new TokenBucketRateLimiter(Bucket(rate))),
            // A held poll is an open connection too.
            Partition(limits, c => IsStream(c) || IsPoll(c), limits.ConnectionsPerClient,
                permits => new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = permits, QueueLimit = 0 })),
            Partition(limits, IsApi, limits.RequestsPerSecond, rate => new TokenBucketRateLimiter(Bucket(rate))));

    /// <summary>
    /// One limiter per address, made by <paramref name="create"/> the first time the address is seen. Choosing the
    /// partition allocates nothing (the factory is made once here and a partition is a struct): it runs on every request.
    /// </summary>
    private static PartitionedRateLimiter<HttpContext> Partition(ClientLimitsOptions limits, Func<HttpContext, bool> applies, int limit,
        Func<int, RateLimiter> create)
    {
        Func<IPAddress, RateLimiter> factory = _ => create(limit);
        return PartitionedRateLimiter.Create<HttpContext, IPAddress>(context =>
        {
            var address = ClientAddress.Of(context.Connection.RemoteIpAddress) ?? IPAddress.None;
            if (limit == 0 || !applies(context) || (limits.ExemptLoopback && IPAddress.IsLoopback(address)))
                return RateLimitPartition.GetNoLimiter(IPAddress.None);
            return new RateLimitPartition<IPAddress>(address, factory);
        });
    }

    /// <summary>Bursts of twice the rate, refilled about ten times a second (less often for rates below 10/s).</summary>
    private static TokenBucketRateLimiterOptions Bucket(int perSecond)
    {
        int tokens = Math.Max(1, perSecond / 10);
        return new()
        {
            TokenLimit = 2 * perSecond,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = TimeSpan.FromSeconds((double)tokens / perSecond),
            QueueLimit = 0,
            // The partitioned limiter refills its partitions on its own timer, not one timer per address.
            AutoReplenishment = false,
        };
    }

    private static bool IsStream(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/ws") || context.Request.Path.StartsWithSegments("/api/sse") || context.Request.Path.StartsWithSegments("/hub");

    private static bool IsPoll(HttpContext context) => context.Request.Path.StartsWithSegments("/api/poll");

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments("/api/sse");
}
