using StockStream.Protocol;
using StockStream.Server.Streaming;

namespace StockStream.Server.Backplane;

/// <summary>
/// Carries the generator's tick batches to the hub of every node, decides which node generates, and shares the
/// market state. Every node's hub is fed only by its backplane.
/// </summary>
public interface ITickBackplane
{
    /// <summary>False while the node cannot reach the shared stream (it then streams nothing new).</summary>
    bool IsConnected { get; }

    /// <summary>
    /// Completes when this node may generate ticks, with the hub caught up to the end of the shared stream.
    /// The lease's <see cref="GeneratorLease.Lost"/> fires when another node may have taken over.
    /// </summary>
    Task<GeneratorLease> AcquireGeneratorAsync(CancellationToken cancellationToken);

    /// <summary>Publishes one batch, in order; throws when the lease is no longer held.</summary>
    ValueTask PublishAsync(GeneratorLease lease, TickBatch batch, CancellationToken cancellationToken);

    /// <summary>Opens, closes or halts the market on every node.</summary>
    Task SetMarketStateAsync(MarketState state, CancellationToken cancellationToken);
}
