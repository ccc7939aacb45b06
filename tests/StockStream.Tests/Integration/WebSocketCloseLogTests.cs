using System.Net.WebSockets;
using Microsoft.Extensions.Logging;
using StockStream.Tests.Infrastructure;

namespace StockStream.Tests.Integration;

/// <summary>A client going away is normal: its connection's end is one Debug line, without a stack trace.</summary>
public class WebSocketCloseLogTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AClientThatVanishesWithoutACloseFrameIsOneDebugLine()
    {
        var entries = await LinesOfOneConnectionAsync(client =>
        {
            client.Socket.Abort();
            return Task.CompletedTask;
        });

        var entry = Assert.Single(entries);
        Assert.Equal(LogLevel.Debug, entry.Level);
        Assert.Null(entry.Exception);
        Assert.Contains("went away", entry.Message);
        Assert.DoesNotContain("\n", entry.Message);
    }

    [Fact]
    public async Task AClientThatClosesNormallyIsOneDebugLine()
    {
        var entries = await LinesOfOneConnectionAsync(client => client.Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None));

        var entry = Assert.Single(entries);
        Assert.Equal(LogLevel.Debug, entry.Level);
        Assert.Null(entry.Exception);
        Assert.Contains(nameof(WebSocketCloseStatus.NormalClosure), entry.Message);
    }

    /// <summary>What the server logged about one streaming connection after it was open, until it was gone.</summary>
    private static async Task<IReadOnlyList<LogEntry>> LinesOfOneConnectionAsync(Func<ProtocolClient, Task> end)
    {
        var server = new StockStreamServer(new Dictionary<string, string?> { ["Logging:LogLevel:StockStream.Server.Transports.WebSockets"] = "Debug" });
        await server.InitializeAsync();
        try
        {
            var log = LogRecorder.AttachTo(server);
            using var connections = new MetricWatcher(server, "stockstream.connections");
            await using var client = await server.ConnectAsync(query: $"symbols={string.Join(',', server.BusySymbols(5))}");
            await client.ReceiveUntilAsync<StockStream.Protocol.Messages.TicksMessage>();
            int openLines = log.Entries.Count;

            await end(client).WaitAsync(Timeout);
            // The gauge goes down after the connection has logged its end.
            await connections.FirstDecrease.WaitAsync(Timeout);
            return [.. log.Entries.Skip(openLines).Where(e => e.Message.Contains(client.Hello.ConnectionId, StringComparison.Ordinal))];
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}
