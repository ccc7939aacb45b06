using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using StockStream.Server.Transports.WebSockets;

namespace StockStream.Tests.Limits;

/// <summary>The server's stop reaches every socket through one sweep of the watchdog, also one opened after it began.</summary>
public class ShutdownSweepTests
{
    [Fact]
    public async Task ASocketOpenedAfterTheServerBeganStoppingIsClosedWith1001()
    {
        using var kit = new WebSocketConnectionKit(TimeProvider.System, new WebSocketTransportOptions());
        kit.Watchdog.ServerStopping();

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var clientTcp = new TcpClient();
        await clientTcp.ConnectAsync((IPEndPoint)listener.LocalEndpoint);
        using var serverTcp = await listener.AcceptTcpClientAsync();
        using var serverSocket = WebSocket.CreateFromStream(serverTcp.GetStream(), new WebSocketCreationOptions { IsServer = true });
        using var client = WebSocket.CreateFromStream(clientTcp.GetStream(), new WebSocketCreationOptions { IsServer = false });
        var connection = kit.Connect("late", serverSocket);

        var run = connection.RunAsync([]);
        var buffer = new byte[4096];
        WebSocketReceiveResult frame;
        do frame = await client.ReceiveAsync(buffer, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)); // the Hello first
        while (frame.MessageType != WebSocketMessageType.Close);
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, frame.CloseStatus);

        await client.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
        await run.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
