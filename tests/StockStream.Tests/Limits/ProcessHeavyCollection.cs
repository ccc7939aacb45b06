namespace StockStream.Tests.Limits;

/// <summary>Tests that flood a server process with thousands of connections run alone, not beside the rest of the suite.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessHeavyCollection
{
    public const string Name = "Floods";
}
