using StockStream.Protocol;
using StockStream.Server.Streaming;
using StockStream.Server.Transports.Http;

namespace StockStream.Server.Transports.LongPolling;

/// <summary>
/// Holds a poll until a tick of its feeds is newer than its cursor, the market changes state, the hold times out
/// or the server stops. A held poll is a few O(1) registrations — no thread, no timer loop.
/// </summary>
public sealed class PollWaiter(TickHub hub, PollWakeups wakeups, MarketChanges marketChanges, StreamingMetrics metrics, TimeProvider clock)
{
    /// <summary>
    /// The answer and why it was given (ticks, missed, market, timeout, shutdown); null when the client left.
    /// <paramref name="market"/> is the state the client's cursor was issued under (null: a cursor from before cursors
    /// carried it): any other answers at once, so a change between two polls is never late.
    /// </summary>
    public async Task<(PollAnswer? Answer, string Outcome)> WaitAsync(
        SymbolFeed[] feeds, ulong cursor, MarketState? market, IReplayAllowance? allowance, TimeSpan timeout, CancellationToken aborted, CancellationToken stopping)
    {
        var marketChanged = marketChanges.Next;
        using var expiry = new CancellationTokenSource(timeout, clock);
        var hold = CancellationTokenSource.CreateLinkedTokenSource(aborted, stopping, expiry.Token, marketChanged);
        try
        {
            while (true)
            {
                // Join before reading, so a tick landing between the read and the wait still wakes us.
                using var wakeup = wakeups.Register(feeds);
                var answer = CursorReader.After(hub, feeds, cursor, allowance?.Left ?? long.MaxValue, out bool settled, out bool overBudget);
                if (answer is null)
                {
                    if (overBudget) metrics.ReplayRefused();
                    return (CursorReader.Start(hub, feeds, TickFlags.Missed), "missed");
                }
                if (answer.Ticks.Count > 0)
                {
                    allowance?.Spend(ReplayBytes(answer));
                    return (answer, "ticks");
                }
                if (answer.Market != market) return (answer, "market");
                if (hold.IsCancellationRequested)
                {
                    if (aborted.IsCancellationRequested) return (null, "gone");
                    if (stopping.IsCancellationRequested) return (answer, "shutdown");
                    if (expiry.IsCancellationRequested) return (answer, "timeout");
                    // The notice of a change this cursor already carries (it arrives after the state itself): wait for
                    // the next one. The token it cancelled has been replaced by then.
                    marketChanged = marketChanges.Next;
                    hold.Dispose();
                    hold = CancellationTokenSource.CreateLinkedTokenSource(aborted, stopping, expiry.Token, marketChanged);
                    continue;
                }
                if (!settled) continue;
                // Ends by a tick, or by cancellation; either way the next read gives the answer.
                await wakeup.Ticked.WaitAsync(hold.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
        finally
        {
            hold.Dispose();
        }
    }

    private static long ReplayBytes(PollAnswer answer)
    {
        long bytes = 0;
        foreach (var tick in answer.Ticks) bytes += ((StreamTick)tick).ReplayBytes;
        return bytes;
    }
}
