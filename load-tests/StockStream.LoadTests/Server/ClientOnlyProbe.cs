namespace StockStream.LoadTests.Server;

/// <summary>Used when the server's resources cannot be seen: only this client's are sampled.</summary>
public sealed class ClientOnlyProbe : IServerProbe
{
    public string Source => "not available";

    public Task<ResourceSnapshot> SampleAsync(CancellationToken cancellationToken) =>
        Task.FromResult(ResourceSnapshot.Client(DateTime.UtcNow));
}
