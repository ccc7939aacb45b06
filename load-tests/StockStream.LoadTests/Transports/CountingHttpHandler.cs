using System.Net;
using System.Net.Sockets;
using StockStream.LoadTests.Metrics;

namespace StockStream.LoadTests.Transports;

/// <summary>The HTTP handler every client of a scenario shares: unlimited connections, each wrapped in a <see cref="CountingStream"/>.</summary>
public static class CountingHttpHandler
{
    public static SocketsHttpHandler Create(StreamCounters counters, TimeSpan connectTimeout) => new()
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
