using StockStream.LoadTests.Cli;
using StockStream.LoadTests.Engine;
using StockStream.LoadTests.Scenarios;

namespace StockStream.LoadTests.Tests.Scenarios;

public class StreamingLoadTests
{
    private static readonly TimeSpan Ramp = TimeSpan.FromSeconds(5), WarmUp = TimeSpan.FromSeconds(2), Duration = TimeSpan.FromSeconds(10);

    [Fact]
    public void EveryClientIsConnectedAndWarmBeforeCountingStarts()
    {
        var options = new RunOptions { RampUp = Ramp, WarmUp = WarmUp, Duration = Duration };

        var load = StreamingScenario.LoadFrom(options, clients: 1_000);

        Assert.Equal<LoadSimulation>([new RampingConstant(1_000, Ramp), new KeepConstant(1_000, WarmUp), new KeepConstant(1_000, Duration)], load);
        Assert.Equal(Ramp + WarmUp, StreamingScenario.CountingStartsAfter(options));
    }

    [Fact]
    public void WithoutRampOrWarmUpEverythingIsCounted()
    {
        var options = new RunOptions { RampUp = TimeSpan.Zero, WarmUp = TimeSpan.Zero, Duration = Duration };

        Assert.Equal<LoadSimulation>([new KeepConstant(300, Duration)], StreamingScenario.LoadFrom(options, clients: 300));
        Assert.Equal(TimeSpan.Zero, StreamingScenario.CountingStartsAfter(options));
    }

    [Fact]
    public void InjectedSessionsWarmUpWithAFewClients()
    {
        var options = new RunOptions { WarmUp = WarmUp, Duration = Duration, InjectRate = 20, SessionLength = TimeSpan.FromSeconds(5) };

        var load = StreamingScenario.LoadFrom(options, clients: 1_000);

        Assert.Equal(new KeepConstant(StreamingScenario.WarmUpClients, WarmUp), load[0]);
        Assert.IsType<Inject>(load[1]);
        Assert.Equal(WarmUp, StreamingScenario.CountingStartsAfter(options));
    }
}
