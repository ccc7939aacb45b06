using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using StockStream.Server;
using StockStream.Server.Streaming;

namespace StockStream.Tests.Infrastructure;

/// <summary>
/// Listens to one instrument of one server's meter (not another test server's), so a test can await what the
/// server just did — a poll being held, released — instead of sleeping.
/// </summary>
public sealed class MetricWatcher : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly TaskCompletionSource _increased = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _decreased = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public MetricWatcher(StockStreamServer server, string instrument)
    {
        var meter = server.Services.GetRequiredService<IMeterFactory>().Create(ServerMeter.Name);
        _listener.InstrumentPublished = (i, listener) =>
        {
            if (ReferenceEquals(i.Meter, meter) && i.Name == instrument) listener.EnableMeasurementEvents(i);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) =>
        {
            if (value > 0) _increased.TrySetResult();
            if (value < 0) _decreased.TrySetResult();
            TaskCompletionSource fired;
            lock (_gate) (fired, _next) = (_next, new(TaskCreationOptions.RunContinuationsAsynchronously));
            fired.TrySetResult();
        });
        _listener.Start();
    }

    /// <summary>Completes at the first positive measurement since the watcher started (a gauge going up).</summary>
    public Task FirstIncrease => _increased.Task;

    /// <summary>Completes at the first negative measurement since the watcher started (an up-down counter going down).</summary>
    public Task FirstDecrease => _decreased.Task;

    /// <summary>
    /// Re-checks <paramref name="condition"/> at every measurement until it holds; fails after the timeout. A condition
    /// may also turn true just after the last measurement (a slot freed when the response ends), so it is re-checked
    /// every <see cref="RecheckInterval"/> too.
    /// </summary>
    public async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            Task next;
            lock (_gate) next = _next.Task;
            if (condition()) return;
            deadline.Token.ThrowIfCancellationRequested();
            await Task.WhenAny(next, Task.Delay(RecheckInterval, deadline.Token));
        }
    }

    private static readonly TimeSpan RecheckInterval = TimeSpan.FromMilliseconds(100);

    public void Dispose() => _listener.Dispose();
}
