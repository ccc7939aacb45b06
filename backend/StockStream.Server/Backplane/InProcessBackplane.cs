using StockStream.Protocol;
using StockStream.Server.Streaming;

namespace StockStream.Server.Backplane;

/// <summary>The single-node default: this node always generates, and its batches go straight to its own hub.</summary>
public sealed class InProcessBackplane(TickHub hub) : ITickBackplane
{
    public bool IsConnected => true;

    public Task<GeneratorLease> AcquireGeneratorAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new GeneratorLease(() => ValueTask.CompletedTask));

    public ValueTask PublishAsync(GeneratorLease lease, TickBatch batch, CancellationToken cancellationToken)
    {
        hub.Publish(batch);
        return ValueTask.CompletedTask;
    }

    public Task SetMarketStateAsync(MarketState state, CancellationToken cancellationToken)
    {
        hub.SetMarketState(state);
        return Task.CompletedTask;
    }
}
