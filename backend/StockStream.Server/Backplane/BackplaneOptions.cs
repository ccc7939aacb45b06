using System.ComponentModel.DataAnnotations;
using StockStream.Protocol;

namespace StockStream.Server.Backplane;

/// <summary>Where the tick stream lives: <c>--Backplane:Kind=Redis --Backplane:Redis=localhost:6379</c> shares it between nodes.</summary>
public sealed class BackplaneOptions : IValidatableObject
{
    public const string SectionName = "Backplane";

    /// <summary>InProcess (the default: one node) or Redis.</summary>
    public BackplaneKind Kind { get; set; } = BackplaneKind.InProcess;

    /// <summary>StackExchange.Redis configuration string, e.g. <c>localhost:6379</c>. Needed for Kind=Redis.</summary>
    public string Redis { get; set; } = "";

    /// <summary>Prefix of every Redis key and channel, so several markets can share one Redis. Default "stockstream".</summary>
    [RegularExpression("^[A-Za-z0-9_.:-]{1,64}$", ErrorMessage = "Backplane:KeyPrefix must be 1-64 letters, digits or _.:-")]
    public string KeyPrefix { get; set; } = "stockstream";

    /// <summary>How long the generating node's lease lasts unless renewed, in ms; bounds the failover time. Default 2,000.</summary>
    [Range(200, 60_000)]
    public int LeaseMs { get; set; } = 2_000;

    /// <summary>How often the lease is renewed, or tried for by the other nodes, in ms. Default 500.</summary>
    [Range(50, 30_000)]
    public int RenewIntervalMs { get; set; } = 500;

    /// <summary>How often the generating node stores every quote, so a joining node starts from them. Default 1,000 ms.</summary>
    [Range(100, 60_000)]
    public int SnapshotIntervalMs { get; set; } = 1_000;

    /// <summary>Most ticks the shared stream keeps for resume, cursors and joining nodes. Default 500,000.</summary>
    [Range(1_000, 100_000_000)]
    public int StreamMaxTicks { get; set; } = 500_000;

    /// <summary>How long a starting node waits for Redis before giving up, in seconds. Default 30.</summary>
    [Range(1, 3_600)]
    public int JoinTimeoutSeconds { get; set; } = 30;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Kind == BackplaneKind.Redis && string.IsNullOrWhiteSpace(Redis))
            yield return new ValidationResult("Backplane:Redis must name the Redis server (e.g. localhost:6379) when Backplane:Kind is Redis.", [nameof(Redis)]);
        if (RenewIntervalMs * 2 > LeaseMs)
            yield return new ValidationResult("Backplane:RenewIntervalMs must be at most half of Backplane:LeaseMs, or a live lease could expire.", [nameof(RenewIntervalMs)]);
    }
}
