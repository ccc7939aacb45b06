using StackExchange.Redis;

namespace StockStream.Server.Backplane.Redis;

/// <summary>The keys and channels one market uses in Redis, all under one prefix.</summary>
internal sealed class RedisKeys(string prefix)
{
    /// <summary>The stream's epoch; seq numbering and offsets are valid within it.</summary>
    public RedisKey Epoch { get; } = $"{prefix}:epoch";

    /// <summary>What the instruments were generated from; every node must agree.</summary>
    public RedisKey Catalog { get; } = $"{prefix}:catalog";

    /// <summary>The generating node's id, with an expiry.</summary>
    public RedisKey Lease { get; } = $"{prefix}:lease";

    /// <summary>A Redis Stream of tick batches; entry id = first offset of the batch.</summary>
    public RedisKey Ticks { get; } = $"{prefix}:ticks";

    /// <summary>Every quote as of an offset, stored by the generating node.</summary>
    public RedisKey Quotes { get; } = $"{prefix}:quotes";

    /// <summary>The market state: open, closed or halted.</summary>
    public RedisKey Market { get; } = $"{prefix}:market";

    /// <summary>Carries each batch as it is added to <see cref="Ticks"/>, and market-state changes in order with them.</summary>
    public RedisChannel Batches { get; } = RedisChannel.Literal($"{prefix}:batches");
}
