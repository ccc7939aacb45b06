using StockStream.Protocol;

namespace StockStream.Server.Backplane;

/// <summary>Carries the generator's tick batches to the hub of every node.</summary>
public interface ITickBackplane
{
    /// <summary>Publishes one batch, in order. Called by the generator only.</summary>
    void Publish(IReadOnlyList<Tick> ticks);
}
