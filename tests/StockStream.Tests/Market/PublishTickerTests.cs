using StockStream.Protocol;
using StockStream.Server.Market;

namespace StockStream.Tests.Market;

/// <summary>The generator's publish beat: it wakes, folds the wake-ups nobody took, and stops.</summary>
public class PublishTickerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ItWakesTheLoopAgainAndAgain()
    {
        using var ticker = new PublishTicker(1, TimeProvider.System);
        for (int i = 0; i < 20; i++)
            Assert.True(await ticker.WaitForNextTickAsync(CancellationToken.None).AsTask().WaitAsync(Patience));
    }

    [Fact]
    public async Task BeatsThatPassedUntakenFoldIntoOne()
    {
        // The ticker reads its clock once per beat, before it wakes the loop; this clock holds the third beat there,
        // so when that read starts, exactly two beats have passed while nobody waited.
        var clock = new BeatHoldingClock(holdBeat: 3);
        using var ticker = new PublishTicker(1, clock);
        Assert.True(clock.Held.Wait(Patience));
        Assert.True(ticker.WaitForNextTickAsync(CancellationToken.None).IsCompletedSuccessfully);
        var next = ticker.WaitForNextTickAsync(CancellationToken.None);
        Assert.False(next.IsCompleted);
        clock.Go.Set();
        Assert.True(await next.AsTask().WaitAsync(Patience));
    }

    [Fact]
    public async Task BeatsBeforeTheQuietTimeDoNotWakeTheLoop()
    {
        var clock = TimeProvider.System;
        using var ticker = new PublishTicker(1, clock);
        long quietUntil = clock.NowMicroseconds() + 300_000;
        ticker.QuietUntil(quietUntil);
        // One beat may have been released before the quiet time was set; the one after it comes no sooner than that time.
        Assert.True(await ticker.WaitForNextTickAsync(CancellationToken.None).AsTask().WaitAsync(Patience));
        Assert.True(await ticker.WaitForNextTickAsync(CancellationToken.None).AsTask().WaitAsync(Patience));
        Assert.True(clock.NowMicroseconds() >= quietUntil);
    }

    [Fact]
    public async Task ADisposedTickerEndsTheWaitingLoop()
    {
        var ticker = new PublishTicker(1_000, TimeProvider.System);
        var waiting = ticker.WaitForNextTickAsync(CancellationToken.None).AsTask();
        ticker.Dispose();
        Assert.False(await waiting.WaitAsync(Patience));
        Assert.False(await ticker.WaitForNextTickAsync(CancellationToken.None));
    }

    [Fact]
    public async Task CancellingTheWaitThrows()
    {
        using var ticker = new PublishTicker(1_000, TimeProvider.System);
        using var cancel = new CancellationTokenSource();
        var waiting = ticker.WaitForNextTickAsync(cancel.Token).AsTask();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Patience));
    }

    [Fact]
    public void AnIntervalBelowOneMillisecondIsRefused()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new PublishTicker(0, TimeProvider.System));

    /// <summary>The system clock, except that its <c>holdBeat</c>-th read waits until <see cref="Go"/> is set.</summary>
    private sealed class BeatHoldingClock(int holdBeat) : TimeProvider
    {
        private int _reads;

        public ManualResetEventSlim Held { get; } = new();

        public ManualResetEventSlim Go { get; } = new();

        public override DateTimeOffset GetUtcNow()
        {
            if (Interlocked.Increment(ref _reads) == holdBeat)
            {
                Held.Set();
                Go.Wait();
            }
            return System.GetUtcNow();
        }
    }
}
