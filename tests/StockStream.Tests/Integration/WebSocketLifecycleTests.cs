using System.Net.WebSockets;
using StockStream.Protocol;
using StockStream.Tests.Infrastructure;

namespace StockStream.Tests.Integration;

public class WebSocketLifecycleTests
{
    [Fact]
    public async Task ShutdownClosesEverySocketWith1001()
    {
        var server = new StockStreamServer();
        await server.InitializeAsync();
        await using var a = await server.ConnectAsync();
        await using var b = await server.ConnectAsync(Subprotocols.Json);

        var stopping = server.DisposeAsync();
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, await a.ReceiveCloseAsync());
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, await b.ReceiveCloseAsync());
        await a.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
        await b.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
        await stopping.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task SendStalledPastTheTimeoutDropsTheConnection()
    {
        var server = new StockStreamServer(new Dictionary<string, string?>
        {
            ["Market:TicksPerSecond"] = "5000",
            ["WebSocket:SendTimeoutMs"] = "1000",
        }, socketSendBufferBytes: 16 * 1024);
        await server.InitializeAsync();
        using var metrics = new MetricRecorder(server.Services);
        try
        {
            await using var stalled = await server.ConnectAsync(query: $"symbols={string.Join(',', server.BusySymbols(20))}", receiveBufferBytes: 4096);
            // The client reads nothing from here on; the server's watchdog must notice within a few seconds.
            await metrics.CountedAsync("stockstream.send.stalls").WaitAsync(TimeSpan.FromSeconds(20));

            // What was already buffered can still be read; then the connection is gone, without a close frame.
            var end = await Assert.ThrowsAsync<WebSocketException>(async () =>
            {
                while (true) await stalled.ReceiveFrameAsync(TimeSpan.FromSeconds(20));
            });
            Assert.Equal(WebSocketError.ConnectionClosedPrematurely, end.WebSocketErrorCode);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task HandshakesBeyondTheConnectionLimitAreRefusedWith503()
    {
        var server = new StockStreamServer(new Dictionary<string, string?> { ["WebSocket:MaxConnections"] = "2" });
        await server.InitializeAsync();
        try
        {
            await using var a = await server.ConnectAsync();
            await using var b = await server.ConnectAsync();
            var e = await Assert.ThrowsAsync<WebSocketException>(() => server.ConnectAsync());
            Assert.Contains("503", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}
