namespace StockStream.LoadTests.Engine;

/// <summary>One phase of load, as NBomber's <c>LoadSimulation</c>; build them with <see cref="Simulation"/>.</summary>
public abstract record LoadSimulation(TimeSpan During)
{
    /// <summary>How many copies should be running <paramref name="elapsed"/> into this phase, starting from <paramref name="startCopies"/>.</summary>
    public abstract int TargetCopies(TimeSpan elapsed, int startCopies);
}
