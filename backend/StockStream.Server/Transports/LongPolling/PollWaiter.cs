using StockStream.Protocol;
using StockStream.Server.Streaming;

namespace StockStream.Server.Transports.LongPolling;

/// <summary>
/// Holds a poll until a tick of its feeds is newer than its cursor, the market changes state, the hold times out
/// or the server stops. A held poll is a few registered continuations — no thread, no timer loop.
/// </summary>
public static class PollWaiter
{
    /// <summary>
    /// The answer and why it was given (ticks, missed, market, timeout, shutdown); null when the client left.
    /// <paramref name="market"/> is the state when the request arrived: any other answers at once.
    /// </summary>
    public static async Task<(PollAnswer? Answer, string Outcome)> WaitAsync(
        TickHub hub, SymbolFeed[] feeds, ulong cursor, MarketState market, TimeSpan timeout, TimeProvider clock,
        CancellationToken aborted, CancellationToken stopping)
    {
        using var hold = CancellationTokenSource.CreateLinkedTokenSource(aborted, stopping);
        Task? deadline = null;
        var wakeUps = new Task[feeds.Length + 2];
        while (true)
        {
            // Register before reading, so a tick landing between the read and the wait still wakes us.
            var marketChanged = hub.MarketStateChangedAsync();
            for (int i = 0; i < feeds.Length; i++) wakeUps[i] = feeds[i].NextTickAsync();

            var answer = CursorReader.After(hub, feeds, cursor, out bool settled);
            if (answer is null) return (CursorReader.Start(hub, feeds, TickFlags.Missed), "missed");
            if (answer.Ticks.Count > 0) return (answer, "ticks");
            if (answer.Market != market) return (answer, "market");
            if (deadline?.IsCompleted == true)
            {
                if (aborted.IsCancellationRequested) return (null, "gone");
                return (answer, stopping.IsCancellationRequested ? "shutdown" : "timeout");
            }
            if (!settled) continue;

            deadline ??= Task.Delay(timeout, clock, hold.Token);
            wakeUps[^2] = marketChanged;
            wakeUps[^1] = deadline;
            await Task.WhenAny(wakeUps);
        }
    }
}
