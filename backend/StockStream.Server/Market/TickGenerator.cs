using Microsoft.Extensions.Options;
using StockStream.Protocol;
using StockStream.Server.Backplane;

namespace StockStream.Server.Market;

/// <summary>
/// The hosted market: while this node holds the generator lease, every publish interval it takes the ticks that
/// fell due from the simulator and publishes them as one batch. A tick's time is when it fell due, so a generator
/// behind schedule shows up as latency. On taking over, seqs and prices continue from where the lease says the
/// shared stream ends.
/// </summary>
public sealed partial class TickGenerator(
    InstrumentCatalog catalog, IOptions<MarketOptions> options, ITickBackplane backplane,
    MarketMetrics metrics, TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<TickGenerator> logger)
    : BackgroundService
{
    // A close that ends within this long of starting may go unseen by the generator (as it did when a timer set its beat).
    private const long MaxQuietMicroseconds = 4_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A server that fails to start (port in use, bad setting) must not have generated or logged anything first.
        if (!await ServerStartedAsync(stoppingToken)) return;
        LogStarted(logger, catalog.Count, options.Value.TicksPerSecond, options.Value.Seed);
        while (!stoppingToken.IsCancellationRequested)
        {
            await using var lease = await backplane.AcquireGeneratorAsync(stoppingToken);
            LogGenerating(logger, lease.ResumeFrom.Offset);
            using var term = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lease.Lost);
            try
            {
                await GenerateAsync(lease, term.Token);
            }
            catch (MarketNotOpenException)
            {
                // The market closed or halted while a batch was on its way to the stream, which refused it: those ticks
                // never happened, and the simulator, which counted them, starts again from the stream as it stands.
                LogBatchRefused(logger);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested && (lease.IsLost || e is not OperationCanceledException))
            {
                // The batch in flight is lost with the lease: whoever generates next continues from the shared stream.
                LogSteppedDown(logger, e.Message);
            }
        }
    }

    /// <summary>Completes with true once the server listens, with false if it stops (or never starts) before that.</summary>
    private async Task<bool> ServerStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetResult());
        await started.Task;
        return !stoppingToken.IsCancellationRequested;
    }

    private async Task GenerateAsync(GeneratorLease lease, CancellationToken cancellationToken)
    {
        var market = options.Value;
        long now = clock.NowMicroseconds();
        var resume = lease.ResumeFrom;
        ulong next = resume.Offset + 1;
        var simulator = new TickSimulator(catalog, market, now, resume.IsFresh ? null : resume.Quotes);
        var batch = new List<Tick>(1024);
        bool wasOpen = true;
        using var timer = new PublishTicker(market.PublishIntervalMs, clock);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            bool open = backplane.MarketState == MarketState.Open;
            now = clock.NowMicroseconds();
            // While closed or halted no trades happen; on reopening, arrivals restart from now instead of bursting.
            if (open && !wasOpen) simulator.ScheduleAll(now);
            wasOpen = open;
            if (!open) continue;
            simulator.GenerateUntil(now, batch);
            // Nothing falls due before the next tick, so the beats until then need not wake this loop; but no longer
            // than a few beats, so that a close and reopening in between is seen. A closed market keeps every beat.
            timer.QuietUntil(Math.Min(simulator.NextDue, now + MaxQuietMicroseconds));
            if (batch.Count == 0) continue;
            await backplane.PublishAsync(lease, new TickBatch(next, batch), cancellationToken);
            metrics.TicksGenerated(batch.Count);
            next += (ulong)batch.Count;
            batch.Clear();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Market simulator started: {Symbols} instruments, {TicksPerSecond} ticks/s, seed {Seed}")]
    private static partial void LogStarted(ILogger logger, int symbols, double ticksPerSecond, int seed);

    [LoggerMessage(Level = LogLevel.Information, Message = "This node generates the market from stream offset {Offset}")]
    private static partial void LogGenerating(ILogger logger, ulong offset);

    [LoggerMessage(Level = LogLevel.Information, Message = "The market left the open state as a batch was published; the batch was dropped")]
    private static partial void LogBatchRefused(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "This node stopped generating: {Reason}")]
    private static partial void LogSteppedDown(ILogger logger, string reason);
}
