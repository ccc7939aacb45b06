using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace StockStream.Server.Transports;

/// <summary>What the transports measure, tagged by transport: connections, what they send, what they refuse.</summary>
public sealed class TransportMetrics
{
    private readonly UpDownCounter<long> _connections;
    private readonly Counter<long> _connectionsOpened;
    // What is sent is counted once per frame: plain counts per transport, read by observable counters when collected.
    private readonly ConcurrentDictionary<string, SentCounts> _sent = new(StringComparer.Ordinal);
    private readonly Counter<long> _rejectedInputs;
    private readonly Counter<long> _sendStalls;

    public TransportMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(ServerMeter.Name);
        _connections = meter.CreateUpDownCounter<long>("stockstream.connections", "{connection}", "Open streaming connections.");
        _connectionsOpened = meter.CreateCounter<long>("stockstream.connections.opened", "{connection}", "Streaming connections accepted.");
        meter.CreateObservableCounter("stockstream.ticks.sent", () => SentBy(static s => s.Ticks), "{tick}", "Ticks sent to clients.");
        meter.CreateObservableCounter("stockstream.frames.sent", () => SentBy(static s => s.Frames), "{frame}", "Frames or responses sent to clients.");
        meter.CreateObservableCounter("stockstream.bytes.sent", () => SentBy(static s => s.Bytes), "By", "Payload bytes sent to clients.");
        _rejectedInputs = meter.CreateCounter<long>("stockstream.inputs.rejected", "{message}", "Client inputs refused as malformed, unknown or excessive.");
        _sendStalls = meter.CreateCounter<long>("stockstream.send.stalls", "{connection}", "Connections dropped because a send stalled.");
    }

    public void ConnectionOpened(string transport)
    {
        _connections.Add(1, new KeyValuePair<string, object?>("transport", transport));
        _connectionsOpened.Add(1, new KeyValuePair<string, object?>("transport", transport));
    }

    public void ConnectionClosed(string transport) => _connections.Add(-1, new KeyValuePair<string, object?>("transport", transport));

    /// <summary>One frame (or poll answer, or SSE event) sent, carrying <paramref name="ticks"/> ticks in <paramref name="bytes"/> bytes.</summary>
    public void Sent(string transport, int ticks, int bytes) => _sent.GetOrAdd(transport, static _ => new SentCounts()).Add(ticks, bytes);

    private IEnumerable<Measurement<long>> SentBy(Func<SentCounts, long> count) =>
        _sent.Select(t => new Measurement<long>(count(t.Value), new KeyValuePair<string, object?>("transport", t.Key)));

    public void InputRejected(string transport, string reason) =>
        _rejectedInputs.Add(1, new KeyValuePair<string, object?>("transport", transport), new KeyValuePair<string, object?>("reason", reason));

    public void SendStalled(string transport) => _sendStalls.Add(1, new KeyValuePair<string, object?>("transport", transport));
}
