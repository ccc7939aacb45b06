using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using StockStream.Protocol;
using StockStream.Protocol.Messages;
using StockStream.Tests.Infrastructure;

namespace StockStream.Tests.Limits;

/// <summary>A server whose process may open 1,500 files, offered 2,000 WebSockets at once.</summary>
[Collection(ProcessHeavyCollection.Name)]
public class DescriptorLimitTests
{
    private const int OpenFiles = 1_500, Offered = 2_000;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task SurvivesMoreWebSocketsThanItHasDescriptorsAndAcceptsAgainAfterwards()
    {
        await using var server = await DescriptorLimitServer.StartAsync(OpenFiles);
        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = Timeout };
        await using var bystander = await server.ConnectAsync();
        var symbols = await http.GetFromJsonAsync<JsonElement[]>("/api/symbols");
        await bystander.SubscribeAsync([.. symbols!.Select(s => s.GetProperty("symbol").GetString()!)]);

        var flood = await FloodAsync(server.WebSocketUri(), Offered);
        try
        {
            Assert.False(server.HasExited, server.Output);
            Assert.True(flood.Accepted.Count > 0, "no flood socket was accepted");
            Assert.True(flood.Refused503 + flood.Closed == Offered - flood.Accepted.Count, $"unexplained outcomes: {flood}");
            Assert.True(flood.Refused503 + flood.Closed > 0, $"nothing was refused: {flood}");
            Assert.True(server.OpenDescriptors() < OpenFiles, "the server holds its last descriptors");

            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
            // The bystander still streams: it gets ticks generated after the flood.
            long floodEnded = TimeProvider.System.NowMicroseconds();
            var (ticks, _) = await bystander.ReceiveUntilAsync<TicksMessage>(t => t.Ticks.Any(tick => tick.Time > floodEnded), Timeout);
            Assert.NotEmpty(ticks.Ticks);
            Assert.True(server.ResidentBytes() < 1L << 30, $"server RSS {server.ResidentBytes() >> 20} MiB");
        }
        finally
        {
            await Task.WhenAll(flood.Accepted.Select(CloseQuietlyAsync));
        }

        // Room again: a new client is accepted as soon as the flood's sockets are gone.
        await using var late = await ConnectWhenThereIsRoomAsync(server);
        Assert.Equal(1, late.Hello.ProtocolVersion);
        Assert.False(server.HasExited, server.Output);
    }

    private static async Task<ProtocolClient> ConnectWhenThereIsRoomAsync(IServerEndpoint server)
    {
        using var deadline = new CancellationTokenSource(Timeout);
        while (true)
        {
            try
            {
                return await server.ConnectAsync();
            }
            catch (WebSocketException) when (!deadline.IsCancellationRequested)
            {
                // The server closes the flood's sockets as their close frames arrive; try again once it has.
                await Task.Delay(100, deadline.Token);
            }
        }
    }

    private sealed record Flood(List<ClientWebSocket> Accepted, int Refused503, int Closed)
    {
        public override string ToString() => $"{Accepted.Count} accepted, {Refused503} refused with 503, {Closed} closed";
    }

    private static async Task<Flood> FloodAsync(Uri uri, int count)
    {
        var accepted = new List<ClientWebSocket>();
        int refused = 0, closed = 0;
        await Task.WhenAll(Enumerable.Range(0, count).Select(async _ =>
        {
            var socket = new ClientWebSocket();
            socket.Options.CollectHttpResponseDetails = true;
            try
            {
                await socket.ConnectAsync(uri, new CancellationTokenSource(Timeout).Token);
                lock (accepted) accepted.Add(socket);
            }
            catch (WebSocketException) when (socket.HttpStatusCode == HttpStatusCode.ServiceUnavailable)
            {
                Interlocked.Increment(ref refused);
                socket.Dispose();
            }
            catch (WebSocketException)
            {
                // Closed before any answer: the server had no descriptor to spare for this one.
                Interlocked.Increment(ref closed);
                socket.Dispose();
            }
        }));
        return new Flood(accepted, refused, closed);
    }

    private static async Task CloseQuietlyAsync(ClientWebSocket socket)
    {
        try
        {
            using var timeout = new CancellationTokenSource(Timeout);
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", timeout.Token);
        }
        catch (WebSocketException)
        {
        }
        socket.Dispose();
    }
}
