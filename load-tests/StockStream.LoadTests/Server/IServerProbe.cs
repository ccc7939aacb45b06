namespace StockStream.LoadTests.Server;

/// <summary>Reads the server's CPU time and memory: from /proc when it runs here, from /metrics otherwise.</summary>
public interface IServerProbe
{
    /// <summary>Where the figures come from, for the report.</summary>
    string Source { get; }

    Task<ResourceSnapshot> SampleAsync(CancellationToken cancellationToken);
}
