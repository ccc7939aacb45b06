namespace StockStream.LoadTests.Engine;

/// <summary>The load simulations, spelled as NBomber spells them.</summary>
public static class Simulation
{
    public static LoadSimulation KeepConstant(int copies, TimeSpan during) => new KeepConstant(copies, during);

    public static LoadSimulation RampingConstant(int copies, TimeSpan during) => new RampingConstant(copies, during);

    public static LoadSimulation Inject(int rate, TimeSpan interval, TimeSpan during, TimeSpan sessionLength) =>
        new Inject(rate, interval, during, sessionLength);
}
