using StockStream.Tests.Infrastructure;

namespace StockStream.Tests.Limits;

/// <summary>A test server started with the given settings and disposed with <c>await using</c>.</summary>
internal sealed class LimitedServer(Dictionary<string, string?> settings) : StockStreamServer(settings), IAsyncDisposable
{
    public static async Task<LimitedServer> StartAsync(Dictionary<string, string?> settings)
    {
        var server = new LimitedServer(settings);
        await server.InitializeAsync();
        return server;
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());
}
