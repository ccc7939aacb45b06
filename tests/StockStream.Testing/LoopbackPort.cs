using System.Net;
using System.Net.Sockets;

namespace StockStream.Testing;

/// <summary>Finds a loopback TCP port nothing listens on right now, for a server a test or the load tool starts.</summary>
public static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
