using StockStream.Server.Transports.Limits;
using StockStream.Server.Transports.WebSockets;
using StockStream.Tests.Infrastructure;

namespace StockStream.Tests.Limits;

/// <summary>The per-connection message limit judges the client's sending rate, not when the server got round to reading.</summary>
public class MessageRateLimiterTests
{
    private const int Rate = 50;

    [Fact]
    public void BurstReadAfterAServerPauseIsNotPunishedWhenItWasSentAtALegalRate()
    {
        var (clock, pauses, limiter) = Create();
        Assert.True(SendAtRate(clock, pauses, limiter, perSecond: 30, TimeSpan.FromSeconds(2)));

        // The server stands still for 4 s (no beat runs) while the client goes on at 30/s; then it reads them all at once.
        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(120, AcceptedOf(limiter, 120));
        pauses.Beat();

        Assert.True(SendAtRate(clock, pauses, limiter, perSecond: 30, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void BurstAfterTheClientWasQuietIsLimitedToTwiceTheRate()
    {
        var (clock, pauses, limiter) = Create();
        // The server runs throughout (its beat is on time); the client says nothing for 4 s, then sends 120 at once.
        RunFor(clock, pauses, TimeSpan.FromSeconds(4));
        Assert.Equal(2 * Rate, AcceptedOf(limiter, 120));
    }

    [Fact]
    public void AfterAPauseOnlyWhatALegalClientCouldHaveSentIsCredited()
    {
        var (clock, pauses, limiter) = Create();
        RunFor(clock, pauses, TimeSpan.FromSeconds(1));
        clock.Advance(TimeSpan.FromSeconds(4));
        int accepted = AcceptedOf(limiter, 1_000);
        // A burst's worth plus 4 s at the rate (less the beat interval in which a pause is not yet seen): no more.
        Assert.InRange(accepted, 2 * Rate + 4 * Rate - 5, 2 * Rate + 4 * Rate);
    }

    [Fact]
    public void CreditOfAPauseIsGoneOnceTheServerRanAsLongAgain()
    {
        var (clock, pauses, limiter) = Create();
        RunFor(clock, pauses, TimeSpan.FromSeconds(1));
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(limiter.TryAcquire()); // read the first message after the pause: the credit is taken
        pauses.Beat();
        RunFor(clock, pauses, TimeSpan.FromSeconds(3));
        Assert.Equal(2 * Rate, AcceptedOf(limiter, 1_000));
    }

    [Fact]
    public void SustainedRateAboveTheLimitIsRefused()
    {
        var (clock, pauses, limiter) = Create();
        Assert.False(SendAtRate(clock, pauses, limiter, perSecond: 80, TimeSpan.FromSeconds(10)));
    }

    private static (ManualClock, ServerPauses, MessageRateLimiter) Create()
    {
        var clock = new ManualClock();
        var pauses = new ServerPauses(clock);
        return (clock, pauses, new MessageRateLimiter(Rate, clock, pauses));
    }

    /// <summary>Sends at an even rate for a while, the server beating on time; false at the first refusal.</summary>
    private static bool SendAtRate(ManualClock clock, ServerPauses pauses, MessageRateLimiter limiter, int perSecond, TimeSpan during)
    {
        var step = TimeSpan.FromSeconds(1.0 / perSecond);
        for (var t = TimeSpan.Zero; t < during; t += step)
        {
            clock.Advance(step);
            pauses.Beat();
            if (!limiter.TryAcquire()) return false;
        }
        return true;
    }

    /// <summary>The server runs, beating every interval, and the client sends nothing.</summary>
    private static void RunFor(ManualClock clock, ServerPauses pauses, TimeSpan during)
    {
        for (var t = TimeSpan.Zero; t < during; t += ServerPauses.Interval)
        {
            clock.Advance(ServerPauses.Interval);
            pauses.Beat();
        }
    }

    private static int AcceptedOf(MessageRateLimiter limiter, int messages) =>
        Enumerable.Range(0, messages).Count(_ => limiter.TryAcquire());
}
