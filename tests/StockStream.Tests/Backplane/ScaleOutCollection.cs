namespace StockStream.Tests.Backplane;

/// <summary>
/// The scale-out tests run node processes and Redis servers of their own, and time failovers: alone, so the
/// rest of the suite does not compete with them for the two cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ScaleOutCollection
{
    public const string Name = "Scale-out";
}
