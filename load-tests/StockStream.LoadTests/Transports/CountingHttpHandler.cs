using System.Net;
using System.Net.Sockets;
using StockStream.LoadTests.Metrics;

namespace StockStream.LoadTests.Transports;

/// <summary>The HTTP handler every client of a scenario shares: unlimited connections, each wrapped in a <see cref="CountingStream"/>.</summary>
public static class CountingHttpHandler
{
    /// <param name="receiveBufferBytes">Socket receive buffer; null leaves it to the kernel's autotuning. A small one makes a
    /// client that stops reading push back on the server within seconds rather than after megabytes.</param>
    /// <param name="sourceAddresses">Local addresses to connect from, in turn; none leaves the choice to the kernel.</param>
    public static SocketsHttpHandler Create(StreamCounters counters, TimeSpan connectTimeout, int? receiveBufferBytes = null, IReadOnlyList<IPAddress>? sourceAddresses = null)
    {
        int next = 0;
        return Create(counters, connectTimeout, receiveBufferBytes, () => sourceAddresses is { Count: > 0 } ? sourceAddresses[(int)((uint)Interlocked.Increment(ref next) % sourceAddresses.Count)] : null);
    }

    private static SocketsHttpHandler Create(StreamCounters counters, TimeSpan connectTimeout, int? receiveBufferBytes, Func<IPAddress?> sourceAddress) => new()
    {
        MaxConnectionsPerServer = int.MaxValue,
        ConnectTimeout = connectTimeout,
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        AutomaticDecompression = DecompressionMethods.None,
        UseProxy = false,
        UseCookies = false,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            if (receiveBufferBytes is { } bytes) socket.ReceiveBufferSize = bytes;
            if (sourceAddress() is { } source) BindForConnect(socket, source);
            try
            {
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                counters.AddConnection();
                return new CountingStream(new NetworkStream(socket, ownsSocket: true), counters);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    private const int SolIp = 0, IpBindAddressNoPort = 24;

    /// <summary>
    /// Binds the socket to a local address before it connects; on Linux the port is chosen at connect time
    /// (IP_BIND_ADDRESS_NO_PORT), so one source address serves as many connections as there are destinations × ports.
    /// </summary>
    public static void BindForConnect(Socket socket, IPAddress source)
    {
        if (OperatingSystem.IsLinux()) socket.SetRawSocketOption(SolIp, IpBindAddressNoPort, [1, 0, 0, 0]);
        socket.Bind(new IPEndPoint(source, 0));
    }
}
