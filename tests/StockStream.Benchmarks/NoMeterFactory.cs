using System.Diagnostics.Metrics;

namespace StockStream.Benchmarks;

/// <summary>Meters nobody listens to, for the hub's metrics in benchmarks.</summary>
internal sealed class NoMeterFactory : IMeterFactory
{
    public Meter Create(MeterOptions options) => new(options);

    public void Dispose() { }
}
