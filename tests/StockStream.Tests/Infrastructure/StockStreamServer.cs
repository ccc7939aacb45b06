using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using StockStream.Protocol;
using StockStream.Server.Streaming;
using StockStream.Testing;

namespace StockStream.Tests.Infrastructure;

/// <summary>The real server on a free loopback port (Kestrel, not the in-memory test server), with test settings.</summary>
public class StockStreamServer : IServerEndpoint, IAsyncLifetime
{
    private readonly WebApplicationFactory<Program> _factory;

    public StockStreamServer() : this(new Dictionary<string, string?>()) { }

    /// <param name="socketSendBufferBytes">
    /// Kernel send buffer of the server's sockets. Loopback buffers grow to megabytes, which would hide a stalled
    /// reader for many seconds; a small one makes the server see the stall at once.
    /// </param>
    protected internal StockStreamServer(IReadOnlyDictionary<string, string?> settings, int? socketSendBufferBytes = null)
    {
        var merged = ServerTestSettings.With(settings);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            foreach (var (key, value) in merged) web.UseSetting(key, value);
            if (socketSendBufferBytes is { } sendBuffer)
            {
                web.ConfigureServices(services => services.Configure<SocketTransportOptions>(sockets =>
                    sockets.CreateBoundListenSocket = endpoint =>
                    {
                        // Accepted sockets inherit the listening socket's buffer size.
                        var socket = SocketTransportOptions.CreateDefaultBoundListenSocket(endpoint);
                        socket.SendBufferSize = sendBuffer;
                        return socket;
                    }));
            }
        });
        _factory.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
    }

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _factory.Services;

    public TickHub Hub => Services.GetRequiredService<TickHub>();

    /// <summary>Symbols of the catalog, busiest first, so tests get ticks quickly.</summary>
    public IReadOnlyList<string> BusySymbols(int count) =>
        [.. Services.GetRequiredService<StockStream.Server.Market.InstrumentCatalog>().All
            .OrderByDescending(i => i.Activity).Take(count).Select(i => i.Symbol)];

    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public Task InitializeAsync()
    {
        _factory.StartServer();
        BaseAddress = _factory.ClientOptions.BaseAddress;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();
}
