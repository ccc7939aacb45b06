using StockStream.Protocol;
using StockStream.Server.Streaming;

namespace StockStream.Server.Backplane;

/// <summary>The single-node default: the generator's batches go straight to this process's hub.</summary>
public sealed class InProcessBackplane(TickHub hub) : ITickBackplane
{
    public void Publish(IReadOnlyList<Tick> ticks) => hub.Publish(ticks);
}
