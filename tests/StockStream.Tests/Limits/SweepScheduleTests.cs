using StockStream.Server.Transports.Limits;
using StockStream.Tests.Infrastructure;

namespace StockStream.Tests.Limits;

public class SweepScheduleTests
{
    [Fact]
    public void OneCallerSweepsPerInterval()
    {
        var clock = new ManualClock();
        var sweeps = new SweepSchedule(clock, TimeSpan.FromSeconds(1));

        Assert.True(sweeps.IsDue(clock.GetTimestamp()));
        Assert.False(sweeps.IsDue(clock.GetTimestamp()));
        clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(sweeps.IsDue(clock.GetTimestamp()));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(sweeps.IsDue(clock.GetTimestamp()));
    }
}
