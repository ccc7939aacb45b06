using System.Net;
using Microsoft.Extensions.Options;
using StockStream.Server.Transports.Limits;
using StockStream.Tests.Infrastructure;

namespace StockStream.Tests.Limits;

/// <summary>Each client address draws its resumes and poll answers from one token bucket of bytes, shared by its connections.</summary>
public class ReplayBudgetsTests
{
    private static readonly IPAddress Client = IPAddress.Parse("203.0.113.7");
    private readonly ManualClock _clock = new();

    [Fact]
    public void AnAddressMayReplayItsBurstThenItsRatePerSecond()
    {
        var budgets = Budgets(perSecond: 1_000, burst: 4_000);
        var allowance = budgets.For(Client)!;
        Assert.Equal(4_000, allowance.Left);

        allowance.Spend(4_000);
        Assert.Equal(0, allowance.Left);

        _clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(500, allowance.Left);
        _clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(4_000, allowance.Left); // never more than the burst
    }

    [Fact]
    public void ConnectionsOfOneAddressShareItsBudgetAndOthersHaveTheirOwn()
    {
        var budgets = Budgets(perSecond: 1_000, burst: 4_000);
        budgets.For(Client)!.Spend(3_000);

        Assert.Equal(1_000, budgets.For(Client)!.Left);
        Assert.Equal(4_000, budgets.For(IPAddress.Parse("203.0.113.8"))!.Left);
    }

    [Fact]
    public void ReplaysThatRanPastTheBudgetAtOnceArePaidOffBeforeMoreIsAllowed()
    {
        var budgets = Budgets(perSecond: 1_000, burst: 4_000);
        var allowance = budgets.For(Client)!;
        allowance.Spend(3_000);
        allowance.Spend(3_000); // two connections replayed at once, each within what was left

        Assert.Equal(0, allowance.Left);
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(0, allowance.Left);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1_000, allowance.Left);
    }

    [Fact]
    public void NoLimitWhenTurnedOffOrForExemptLoopback()
    {
        Assert.Null(Budgets(perSecond: 0, burst: 4_000).For(Client));
        Assert.Null(Budgets(perSecond: 1_000, burst: 4_000, exemptLoopback: true).For(IPAddress.Loopback));
        Assert.NotNull(Budgets(perSecond: 1_000, burst: 4_000, exemptLoopback: true).For(Client));
        Assert.NotNull(Budgets(perSecond: 1_000, burst: 4_000).For(IPAddress.Loopback));
    }

    [Fact]
    public void FullBucketsAreForgottenSoMemoryFollowsTheAddressesReplayingNow()
    {
        var budgets = Budgets(perSecond: 1_000, burst: 4_000);
        for (int i = 0; i < 5_000; i++) budgets.For(new IPAddress([10, 0, (byte)(i >> 8), (byte)i]))!.Spend(100);
        Assert.Equal(5_000, budgets.Tracked);

        _clock.Advance(TimeSpan.FromSeconds(1)); // every bucket has refilled
        budgets.For(Client)!.Spend(100);

        Assert.Equal(1, budgets.Tracked);
        Assert.Equal(3_900, budgets.For(Client)!.Left);
    }

    [Fact]
    public void AnIpv4ClientOverADualStackSocketDrawsFromItsOneBudget()
    {
        var budgets = Budgets(perSecond: 1_000, burst: 4_000);
        budgets.For(Client.MapToIPv6())!.Spend(3_000);

        Assert.Equal(1_000, budgets.For(Client)!.Left);
        Assert.Equal(1, budgets.Tracked);
    }

    private ReplayBudgets Budgets(int perSecond, int burst, bool exemptLoopback = false) =>
        new(Options.Create(new ClientLimitsOptions { ReplayBytesPerSecond = perSecond, ReplayBurstBytes = burst, ExemptLoopback = exemptLoopback }), _clock);
}
