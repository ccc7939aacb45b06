using Microsoft.Extensions.Options;
using StockStream.Protocol;
using StockStream.Server.Backplane;
using StockStream.Server.Streaming;

namespace StockStream.Server.Market;

/// <summary>
/// The hosted market: every publish interval it takes the ticks that fell due from the simulator and publishes
/// them as one batch. A tick's time is when it fell due, so a generator behind schedule shows up as latency.
/// </summary>
public sealed partial class TickGenerator(
    InstrumentCatalog catalog, IOptions<MarketOptions> options, TickHub hub, ITickBackplane backplane,
    TimeProvider clock, ILogger<TickGenerator> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var market = options.Value;
        var simulator = new TickSimulator(catalog, market, clock.NowMicroseconds());
        var batch = new List<Tick>(1024);
        bool wasOpen = true;
        LogStarted(logger, catalog.Count, market.TicksPerSecond, market.Seed);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(market.PublishIntervalMs), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            bool open = hub.MarketState == MarketState.Open;
            long now = clock.NowMicroseconds();
            // While closed or halted no trades happen; on reopening, arrivals restart from now instead of bursting.
            if (open && !wasOpen) simulator.ScheduleAll(now);
            wasOpen = open;
            if (!open) continue;
            simulator.GenerateUntil(now, batch);
            if (batch.Count == 0) continue;
            backplane.Publish(batch);
            batch.Clear();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Market simulator started: {Symbols} instruments, {TicksPerSecond} ticks/s, seed {Seed}")]
    private static partial void LogStarted(ILogger logger, int symbols, double ticksPerSecond, int seed);
}
