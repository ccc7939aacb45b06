using System.Diagnostics.Metrics;

namespace StockStream.Server.Transports;

/// <summary>What the transports measure, tagged by transport: connections, what they send, what they refuse.</summary>
public sealed class TransportMetrics
{
    private readonly UpDownCounter<long> _connections;
    private readonly Counter<long> _connectionsOpened;
    private readonly Counter<long> _ticksSent;
    private readonly Counter<long> _framesSent;
    private readonly Counter<long> _bytesSent;
    private readonly Counter<long> _rejectedInputs;
    private readonly Counter<long> _sendStalls;

    public TransportMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(ServerMeter.Name);
        _connections = meter.CreateUpDownCounter<long>("stockstream.connections", "{connection}", "Open streaming connections.");
        _connectionsOpened = meter.CreateCounter<long>("stockstream.connections.opened", "{connection}", "Streaming connections accepted.");
        _ticksSent = meter.CreateCounter<long>("stockstream.ticks.sent", "{tick}", "Ticks sent to clients.");
        _framesSent = meter.CreateCounter<long>("stockstream.frames.sent", "{frame}", "Frames or responses sent to clients.");
        _bytesSent = meter.CreateCounter<long>("stockstream.bytes.sent", "By", "Payload bytes sent to clients.");
        _rejectedInputs = meter.CreateCounter<long>("stockstream.inputs.rejected", "{message}", "Client inputs refused as malformed, unknown or excessive.");
        _sendStalls = meter.CreateCounter<long>("stockstream.send.stalls", "{connection}", "Connections dropped because a send stalled.");
    }

    public void ConnectionOpened(string transport)
    {
        _connections.Add(1, new KeyValuePair<string, object?>("transport", transport));
        _connectionsOpened.Add(1, new KeyValuePair<string, object?>("transport", transport));
    }

    public void ConnectionClosed(string transport) => _connections.Add(-1, new KeyValuePair<string, object?>("transport", transport));

    public void Sent(string transport, int ticks, int bytes)
    {
        var tag = new KeyValuePair<string, object?>("transport", transport);
        if (ticks > 0) _ticksSent.Add(ticks, tag);
        _framesSent.Add(1, tag);
        _bytesSent.Add(bytes, tag);
    }

    public void InputRejected(string transport, string reason) =>
        _rejectedInputs.Add(1, new KeyValuePair<string, object?>("transport", transport), new KeyValuePair<string, object?>("reason", reason));

    public void SendStalled(string transport) => _sendStalls.Add(1, new KeyValuePair<string, object?>("transport", transport));
}
