using System.Net.Sockets;
using System.Text;

namespace StockStream.Tests.Infrastructure;

/// <summary>A raw HTTP client that sends one GET and never reads the answer, through a small receive buffer.</summary>
public static class NonReadingClient
{
    public static async Task<Socket> SendGetAsync(IServerEndpoint server, string pathAndQuery, string accept)
    {
        var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
        try
        {
            await client.ConnectAsync(server.BaseAddress.Host, server.BaseAddress.Port);
            await client.SendAsync(Encoding.ASCII.GetBytes(
                $"GET {pathAndQuery} HTTP/1.1\r\nHost: {server.BaseAddress.Authority}\r\nAccept: {accept}\r\n\r\n"));
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }
}
