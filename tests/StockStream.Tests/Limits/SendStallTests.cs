using System.Diagnostics.Metrics;
using System.Net.WebSockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StockStream.Protocol;
using StockStream.Server.Transports;
using StockStream.Server.Transports.Limits;
using StockStream.Server.Transports.WebSockets;
using StockStream.Tests.Infrastructure;
using StockStream.Tests.Streaming;

namespace StockStream.Tests.Limits;

public class SendStallTests
{
    [Fact]
    public async Task AStalledSendIsCountedOnceEvenWhenTheAbortedSendCompletesWithoutAnError()
    {
        var clock = new ManualClock();
        var options = new WebSocketTransportOptions { SendTimeoutMs = 1_000 };
        var timeout = TimeSpan.FromMilliseconds(options.SendTimeoutMs);
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var metrics = new MetricRecorder(services);
        using var watchdog = new SendWatchdog(clock, Options.Create(options));
        using var budget = new FrameBudget(clock, Options.Create(options));
        using var pauses = new ServerPauses(clock);
        var socket = new StallingWebSocket();
        var connection = new WebSocketConnection("stalled", socket, WireFormat.MessagePack, new StreamingTestKit().Hub, null, options,
            new TransportMetrics(services.GetRequiredService<IMeterFactory>()), watchdog, budget, pauses, clock,
            NullLogger.Instance);

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
