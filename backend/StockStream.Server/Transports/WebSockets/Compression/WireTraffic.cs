namespace StockStream.Server.Transports.WebSockets.Compression;

/// <summary>Bytes one upgraded connection moved after its handshake, both ways, as they went on the wire (compressed or not).</summary>
public sealed class WireTraffic
{
    private long _sent, _received;

    public long BytesSent => Interlocked.Read(ref _sent);
    public long BytesReceived => Interlocked.Read(ref _received);

    internal void AddSent(int count) => Interlocked.Add(ref _sent, count);
    internal void AddReceived(int count) => Interlocked.Add(ref _received, count);
}
