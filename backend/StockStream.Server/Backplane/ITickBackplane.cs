using StockStream.Protocol;

namespace StockStream.Server.Backplane;

/// <summary>
/// Carries the generator's tick batches to the <see cref="ITickSink"/> of every node, decides which node generates,
/// and shares the market state. Every node's hub is fed only by its backplane.
/// </summary>
public interface ITickBackplane
{
    /// <summary>False while the node cannot reach the shared stream (it then streams nothing new).</summary>
    bool IsConnected { get; }

    /// <summary>The market state as this node knows it; the generator generates only while it is open.</summary>
    MarketState MarketState { get; }

    /// <summary>
    /// Completes when this node may generate ticks, with the node caught up to the end of the shared stream; the
    /// lease says where to continue. Its <see cref="GeneratorLease.Lost"/> fires when another node may have taken over.
    /// </summary>
    Task<GeneratorLease> AcquireGeneratorAsync(CancellationToken cancellationToken);

    /// <summary>Publishes one batch, in order; throws when the lease is no longer held.</summary>
    ValueTask PublishAsync(GeneratorLease lease, TickBatch batch, CancellationToken cancellationToken);

    /// <summary>Opens, closes or halts the market on every node.</summary>
    Task SetMarketStateAsync(MarketState state, CancellationToken cancellationToken);
}
