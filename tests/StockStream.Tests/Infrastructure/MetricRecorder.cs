using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using StockStream.Server;
using StockStream.Server.Streaming;

namespace StockStream.Tests.Infrastructure;

/// <summary>
/// Listens to one server's StockStream meter: counter totals and the latest gauge readings. Tests run in parallel, each
/// server in this process with meters of its own name, so only the meters of the given server's
/// <see cref="IMeterFactory"/> are heard.
/// </summary>
public sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _totals = new();
    private readonly ConcurrentDictionary<string, long> _latest = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _firstMeasurement = new();

    public MetricRecorder(IServiceProvider server)
    {
        var scope = server.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ServerMeter.Name && ReferenceEquals(instrument.Meter.Scope, scope)) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            _totals.AddOrUpdate(instrument.Name, value, (_, total) => total + value);
            _latest[instrument.Name] = value;
            if (value > 0) FirstMeasurement(instrument.Name).TrySetResult();
        });
        _listener.Start();
    }

    /// <summary>Completes when the named counter first records a positive value.</summary>
    public Task CountedAsync(string name) => FirstMeasurement(name).Task;

    private TaskCompletionSource FirstMeasurement(string name) =>
        _firstMeasurement.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public long Total(string name) => _totals.GetValueOrDefault(name);

    /// <summary>Reads every observable instrument now and returns the named one's value.</summary>
    public long Observe(string name)
    {
        _listener.RecordObservableInstruments();
        return _latest.GetValueOrDefault(name);
    }

    public void Dispose() => _listener.Dispose();
}
