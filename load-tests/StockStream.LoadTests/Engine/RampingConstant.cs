namespace StockStream.LoadTests.Engine;

/// <summary>Changes the running copies linearly from the previous phase's count to <see cref="Copies"/> over the phase.</summary>
public sealed record RampingConstant(int Copies, TimeSpan During) : LoadSimulation(During)
{
    public override int TargetCopies(TimeSpan elapsed, int startCopies)
    {
        double progress = During <= TimeSpan.Zero ? 1 : Math.Clamp(elapsed / During, 0, 1);
        return (int)Math.Round(startCopies + (Copies - startCopies) * progress);
    }
}
