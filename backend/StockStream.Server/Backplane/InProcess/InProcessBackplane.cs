using StockStream.Protocol;

namespace StockStream.Server.Backplane.InProcess;

/// <summary>The single-node default: this node always generates, and its batches go straight to its own hub.</summary>
public sealed class InProcessBackplane(ITickSink sink) : ITickBackplane
{
    public bool IsConnected => true;

    public MarketState MarketState => sink.MarketState;

    public Task<GeneratorLease> AcquireGeneratorAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new GeneratorLease(ResumePoint.Of(sink), () => ValueTask.CompletedTask));

    public ValueTask PublishAsync(GeneratorLease lease, TickBatch batch, CancellationToken cancellationToken)
    {
        // A close between the generator's look at the state and this call must not let the batch follow it.
        if (!sink.PublishWhileOpen(batch)) throw new MarketNotOpenException();
        return ValueTask.CompletedTask;
    }

    public Task SetMarketStateAsync(MarketState state, CancellationToken cancellationToken)
    {
        sink.SetMarketState(state);
        return Task.CompletedTask;
    }
}
