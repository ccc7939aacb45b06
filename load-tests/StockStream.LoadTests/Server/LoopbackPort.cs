using System.Net;
using System.Net.Sockets;

namespace StockStream.LoadTests.Server;

/// <summary>Finds a loopback port nothing listens on, for a process this tool starts.</summary>
public static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
