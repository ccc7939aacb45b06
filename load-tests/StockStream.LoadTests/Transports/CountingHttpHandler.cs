using System.Net;
using System.Net.Sockets;
using StockStream.LoadTests.Metrics;

namespace StockStream.LoadTests.Transports;

/// <summary>The HTTP handler every client of a scenario shares: unlimited connections, each wrapped in a <see cref="CountingStream"/>.</summary>
public static class CountingHttpHandler
{
    /// <param name="receiveBufferBytes">Socket receive buffer; null leaves it to the kernel's autotuning. A small one makes a
    /// client that stops reading push back on the server within seconds rather than after megabytes.</param>
    public static SocketsHttpHandler Create(StreamCounters counters, TimeSpan connectTimeout, int? receiveBufferBytes = null) => new()
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
}
