using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using StockStream.Server.Transports.Limits;
using StockStream.Tests.Infrastructure;

namespace StockStream.Tests.Limits;

/// <summary><c>/hub</c>'s connections count in the stream budget like every transport's: refused with 503 past it, accepted again once there is room.</summary>
public class HubConnectionBudgetTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task HubConnectionsBeyondTheLimitAreRefusedWith503UntilOneCloses()
    {
        var server = new StockStreamServer(new Dictionary<string, string?> { ["SignalR:MaxConnections"] = "1" });
        await server.InitializeAsync();
        try
        {
            var budget = server.Services.GetRequiredService<ConnectionBudget>();
            var first = await ConnectAsync(server);
            Assert.Equal(1, budget.Open(ConnectionKind.HubConnection));

            using var refused = new ClientWebSocket();
            refused.Options.CollectHttpResponseDetails = true;
            using (var timeout = new CancellationTokenSource(Timeout))
                await Assert.ThrowsAsync<WebSocketException>(() => refused.ConnectAsync(new Uri($"ws://{server.BaseAddress.Authority}/hub"), timeout.Token));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.HttpStatusCode);
            Assert.True(refused.HttpResponseHeaders!.ContainsKey("Retry-After"));

            await first.DisposeAsync();
            using var watcher = new MetricWatcher(server, "stockstream.refused");
            await watcher.WaitUntilAsync(() => budget.Open(ConnectionKind.HubConnection) == 0, Timeout);
            await using var again = await ConnectAsync(server);
            Assert.Equal(HubConnectionState.Connected, again.State);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private static async Task<HubConnection> ConnectAsync(StockStreamServer server)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "hub"), HttpTransportType.WebSockets, o => o.SkipNegotiation = true)
            .AddMessagePackProtocol()
            .Build();
        using var timeout = new CancellationTokenSource(Timeout);
        await connection.StartAsync(timeout.Token);
        return connection;
    }
}
