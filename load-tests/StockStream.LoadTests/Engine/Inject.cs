namespace StockStream.LoadTests.Engine;

/// <summary>Starts <see cref="Rate"/> new copies every <see cref="Interval"/> (open model); each runs for <see cref="SessionLength"/>.</summary>
public sealed record Inject(int Rate, TimeSpan Interval, TimeSpan During, TimeSpan SessionLength) : LoadSimulation(During)
{
    /// <summary>Copies started by <paramref name="elapsed"/>, counting from the phase start.</summary>
    public override int TargetCopies(TimeSpan elapsed, int startCopies) =>
        Interval <= TimeSpan.Zero ? Rate : Rate * (1 + (int)(elapsed / Interval));
}
