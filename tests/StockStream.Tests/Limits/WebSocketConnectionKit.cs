using System.Diagnostics.Metrics;
using System.Net.WebSockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StockStream.Protocol;
using StockStream.Server.Transports;
using StockStream.Server.Transports.Limits;
using StockStream.Server.Transports.WebSockets;
using StockStream.Tests.Streaming;

namespace StockStream.Tests.Limits;

/// <summary>One <see cref="WebSocketConnection"/> over a given socket, with the watchdog, frame budget and pause detector
/// the server would give it, all on one clock.</summary>
internal sealed class WebSocketConnectionKit : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly TimeProvider _clock;
    private readonly WebSocketTransportOptions _options;
    private readonly FrameBudget _budget;
    private readonly ServerPauses _pauses;

    public WebSocketConnectionKit(TimeProvider clock, WebSocketTransportOptions options)
    {
        _clock = clock;
        _options = options;
        Watchdog = new SendWatchdog(clock, Options.Create(options));
        _budget = new FrameBudget(clock, Options.Create(options));
        _pauses = new ServerPauses(clock);
    }

    public SendWatchdog Watchdog { get; }
    public IServiceProvider Services => _services;

    /// <summary>A connection over <paramref name="socket"/> streaming MessagePack from a hand-fed hub.</summary>
    public WebSocketConnection Connect(string id, WebSocket socket) =>
        new(id, socket, WireFormat.MessagePack, new StreamingTestKit().Hub, null, _options,
            new TransportMetrics(_services.GetRequiredService<IMeterFactory>()), Watchdog, _budget, _pauses, _clock,
            NullLogger.Instance);

    public void Dispose()
    {
        _pauses.Dispose();
        _budget.Dispose();
        Watchdog.Dispose();
        _services.Dispose();
    }
}
