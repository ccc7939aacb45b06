using System.Net.WebSockets;
using StockStream.Server.Transports.WebSockets;
using StockStream.Tests.Infrastructure;

namespace StockStream.Tests.Limits;

public class SendStallTests
{
    [Fact]
    public async Task AStalledSendIsCountedOnceEvenWhenTheAbortedSendCompletesWithoutAnError()
    {
        var clock = new ManualClock();
        var options = new WebSocketTransportOptions { SendTimeoutMs = 1_000 };
        var timeout = TimeSpan.FromMilliseconds(options.SendTimeoutMs);
        using var kit = new WebSocketConnectionKit(clock, options);
        using var metrics = new MetricRecorder(kit.Services);
        var socket = new StallingWebSocket();
        var connection = kit.Connect("stalled", socket);

        var run = connection.RunAsync([]);
        await socket.SendStarted.Task.WaitAsync(TimeSpan.FromSeconds(10)); // the Hello, which the peer never reads
        connection.AbortIfSendStalled(clock.GetTimestamp(), timeout);
        Assert.Equal(WebSocketState.Open, socket.State); // not past the timeout yet

        clock.Advance(timeout + TimeSpan.FromMilliseconds(1));
        connection.AbortIfSendStalled(clock.GetTimestamp(), timeout);
        connection.AbortIfSendStalled(clock.GetTimestamp(), timeout);
        await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(WebSocketState.Aborted, socket.State);
        Assert.Equal(1, metrics.Total("stockstream.send.stalls"));
    }
}
