using System.Diagnostics.Metrics;
using StockStream.Server.Streaming;

namespace StockStream.Server.Transports.LongPolling;

/// <summary>Instruments of <c>/api/poll</c>, on the server's meter beside <see cref="TransportMetrics"/>.</summary>
public sealed class LongPollingMetrics
{
    private readonly Counter<long> _polls;
    private readonly UpDownCounter<long> _held;
    private readonly Histogram<double> _holdDuration;

    public LongPollingMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(ServerMeter.Name);
        _polls = meter.CreateCounter<long>("stockstream.poll.requests", "{request}", "Long-poll requests answered, by outcome.");
        _held = meter.CreateUpDownCounter<long>("stockstream.poll.held", "{request}", "Long-poll requests being held right now.");
        _holdDuration = meter.CreateHistogram<double>("stockstream.poll.hold.duration", "s", "How long answered polls were held.");
    }

    /// <summary>Outcome: start, ticks, missed, timeout, market or shutdown.</summary>
    public void Answered(string outcome) => _polls.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void HoldStarted() => _held.Add(1);

    public void HoldEnded(TimeSpan held)
    {
        _held.Add(-1);
        _holdDuration.Record(held.TotalSeconds);
    }
}
