namespace StockStream.LoadTests.Engine;

/// <summary>Keeps <see cref="Copies"/> copies running for the whole phase (closed model).</summary>
public sealed record KeepConstant(int Copies, TimeSpan During) : LoadSimulation(During)
{
    public override int TargetCopies(TimeSpan elapsed, int startCopies) => Copies;
}
