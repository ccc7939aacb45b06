using Microsoft.AspNetCore.SignalR;
using StockStream.Protocol;
using StockStream.Protocol.Messages;
using StockStream.Server.Streaming;

namespace StockStream.Server.Transports.SignalR;

/// <summary>
/// Feeds <see cref="StockTickerHub"/> from the streaming stage like any transport: one queue subscribed to every symbol,
/// and, as the StockTicker sample does, an awaited <c>Clients.Group(symbol).SendAsync("tick", ...)</c> per tick and
/// <c>Clients.All.SendAsync("market", ...)</c> per change of market state. When the broadcasts cannot keep up, the
/// queue conflates (and SignalR's clients see gaps in <c>seq</c>), exactly where a naive hub would fall behind.
/// It starts with the first hub connection, so a server nobody uses SignalR on pays nothing for it.
/// </summary>
public sealed class SignalRBroadcaster(TickHub hub, IHubContext<StockTickerHub> context, ILogger<SignalRBroadcaster> logger)
    : BackgroundService
{
    public const string Transport = "signalr";
    // Ticks held for the hub's broadcasts before conflating: a second of the fastest market this server simulates.
    private const int MaxPendingTicks = 1 << 20;
    private const int TicksPerTake = 512;

    private readonly SubscriberQueue _queue = hub.CreateQueue(Transport, MaxPendingTicks, TicksPerTake, maxSymbols: hub.Feeds.Count);
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    // Every connection is told the state when it connects; the broadcast is for changes only.
    private MarketState _announced;

    /// <summary>Subscribes to every symbol, once; returns when ticks published from now on will be broadcast.</summary>
    public void EnsureStarted()
    {
        if (_started.Task.IsCompleted) return;
        lock (_gate)
        {
            if (_started.Task.IsCompleted || _queue.IsCompleted) return;
            _announced = hub.MarketState;
            hub.Attach(_queue);
            hub.Subscribe(_queue, new SubscribeMessage(0, [.. hub.Feeds.Select(f => f.Symbol)]));
            _started.SetResult();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var queue = _queue;
        using var stop = stoppingToken.Register(() =>
        {
            lock (_gate) queue.Complete();
            _started.TrySetCanceled(stoppingToken);
        });
        try
        {
            await _started.Task;
            while (!queue.IsCompleted)
            {
                await queue.WaitAsync();
                while (queue.TryTake(out var item))
                {
                    if (item.Message is MarketStatusMessage status && status.State != _announced)
                    {
                        _announced = status.State;
                        await context.Clients.All.SendAsync(StockTickerHub.MarketMethod, status.State.ToWire(), status.ServerTime, stoppingToken);
                    }
                    foreach (var encoded in item.Ticks)
                    {
                        var t = encoded.Tick;
                        await context.Clients.Group(t.Symbol).SendAsync(StockTickerHub.TickMethod, t.Symbol, t.Seq, t.Price, t.Size, t.Time, stoppingToken);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            hub.Detach(queue);
            queue.Dispose();
            SignalRLog.Stopped(logger);
        }
    }
}
