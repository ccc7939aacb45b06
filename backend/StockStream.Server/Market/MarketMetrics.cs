using System.Diagnostics.Metrics;

namespace StockStream.Server.Market;

/// <summary>What the market measures: the ticks it generates.</summary>
public sealed class MarketMetrics(IMeterFactory meterFactory)
{
    private readonly Counter<long> _ticksGenerated = meterFactory.Create(ServerMeter.Name).CreateCounter<long>(
        "stockstream.ticks.generated", "{tick}", "Ticks the market generated on this node (only the generating node of several counts them).");

    public void TicksGenerated(int count) => _ticksGenerated.Add(count);
}
