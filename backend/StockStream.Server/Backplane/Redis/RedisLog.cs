namespace StockStream.Server.Backplane.Redis;

/// <summary>What the Redis backplane logs.</summary>
internal static partial class RedisLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Waiting for Redis at {Redis}: {Reason}")]
    public static partial void Waiting(ILogger logger, string redis, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Joined the shared tick stream at {Redis}: epoch {Epoch}, offset {Offset}")]
    public static partial void Joined(ILogger logger, string redis, string epoch, ulong offset);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stored quotes end at offset {QuotesAt} but the stream starts at {FirstHeld}: continuing from the stream")]
    public static partial void QuotesBehindStream(ILogger logger, ulong quotesAt, ulong firstHeld);

    [LoggerMessage(Level = LogLevel.Error, Message = "Lost Redis; the market is halted for this node's clients until it returns: {Reason}")]
    public static partial void Lost(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis is back; streaming again from offset {Offset}")]
    public static partial void Restored(ILogger logger, ulong offset);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Redis now holds another stream (epoch {Stored}) than this node's ({Ours}); stopping so clients reconnect to a node that has it")]
    public static partial void OtherStream(ILogger logger, string stored, string ours);

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Reason} Stopping so clients reconnect to a node that has them")]
    public static partial void Gap(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch from Redis could not be applied now: {Reason}")]
    public static partial void ConsumeFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "This node took the generator lease at offset {Offset}")]
    public static partial void LeaseTaken(ILogger logger, ulong offset);

    [LoggerMessage(Level = LogLevel.Warning, Message = "This node lost the generator lease: {Reason}")]
    public static partial void LeaseLost(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The generator lease could not be given up (it expires by itself): {Reason}")]
    public static partial void ReleaseFailed(ILogger logger, string reason);
}
