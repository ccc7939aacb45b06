namespace StockStream.Server.Backplane.Redis;

/// <summary>
/// Lua run atomically in Redis. Every write of the generating node checks the lease first, and a batch's entry id
/// is its first offset, so a node that lost its lease, or is behind, can never add to the stream.
/// </summary>
internal static class RedisScripts
{
    /// <summary>
    /// KEYS: lease, ticks, market. ARGV: node, entry id, oldest id kept, batch, channel. 1 when published, 0 when not
    /// the lease holder, 2 when the market is not open (no trade happens after it closed, on any node).
    /// </summary>
    public const string Publish = """
        if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
        if redis.call('GET', KEYS[3]) ~= 'open' then return 2 end
        redis.call('XADD', KEYS[2], 'MINID', '~', ARGV[3], ARGV[2], 'b', ARGV[4])
        redis.call('PUBLISH', ARGV[5], ARGV[4])
        return 1
        """;

    /// <summary>
    /// KEYS: market. ARGV: state, message, channel. The change goes down the batches' channel, so every node applies
    /// it between the same two batches.
    /// </summary>
    public const string SetMarket = """
        redis.call('SET', KEYS[1], ARGV[1])
        redis.call('PUBLISH', ARGV[3], ARGV[2])
        return 1
        """;

    /// <summary>KEYS: lease. ARGV: node, lease ms. 1 when renewed.</summary>
    public const string Renew = """
        if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
        return redis.call('PEXPIRE', KEYS[1], ARGV[2])
        """;

    /// <summary>KEYS: lease. ARGV: node. Gives the lease up when this node holds it.</summary>
    public const string Release = """
        if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
        return redis.call('DEL', KEYS[1])
        """;

    /// <summary>KEYS: lease, quotes. ARGV: node, snapshot. Stores the quotes when this node holds the lease.</summary>
    public const string StoreQuotes = """
        if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
        redis.call('SET', KEYS[2], ARGV[2])
        return 1
        """;
}
