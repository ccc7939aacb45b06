using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;
using StockStream.Protocol.Messages;
using StockStream.Server.Transports.WebSockets.Compression;
using StockStream.Tests.Infrastructure;

namespace StockStream.Tests.Integration;

public class WebSocketCompressionTests
{
    private static readonly WebSocketDeflateOptions BrowserOffer = new();

    [Fact]
    public async Task NegotiatesDeflateWithContextTakeoverAndCompressesTicks()
    {
        await WithClosedMarketAsync([], async server =>
        {
            await using var client = await server.ConnectAsync(deflate: BrowserOffer);

            string answered = Extensions(client);
            Assert.StartsWith("permessage-deflate", answered);
            Assert.Contains("client_no_context_takeover", answered);
            Assert.DoesNotContain("server_no_context_takeover", answered);

            long payload = await StreamHandFedTicksAsync(server, client, ticks: 40);
            var traffic = await TrafficAsync(server, client.Hello.ConnectionId);
            Assert.True(traffic.Compressed);
            Assert.Equal(answered, traffic.Extensions);
            // Everything the server sent, handshake messages included, is smaller than the tick frames' payload alone.
            Assert.InRange(traffic.BytesToClient, 1, payload - 1);
            Assert.True(traffic.BytesFromClient > 0);
        });
    }

    [Fact]
    public async Task WithoutCompressionTheWireCarriesEveryPayloadByte()
    {
        await WithClosedMarketAsync(new() { ["WebSocket:Compression:Enabled"] = "false" }, async server =>
        {
            await using var client = await server.ConnectAsync(deflate: BrowserOffer);

            Assert.Equal("", Extensions(client));
            long payload = await StreamHandFedTicksAsync(server, client, ticks: 10);
            var traffic = await TrafficAsync(server, client.Hello.ConnectionId);
            Assert.False(traffic.Compressed);
            Assert.True(traffic.BytesToClient >= payload + 2 * 10, $"{traffic.BytesToClient} wire bytes for {payload} payload bytes");
        });
    }

    [Fact]
    public async Task AnswersTheConfiguredWindowAndNoServerContextTakeover()
    {
        await WithClosedMarketAsync(new()
        {
            ["WebSocket:Compression:ContextTakeover"] = "false",
            ["WebSocket:Compression:MaxWindowBits"] = "10",
            ["WebSocket:Compression:ClientContextTakeover"] = "true",
        }, async server =>
        {
            await using var client = await server.ConnectAsync(deflate: BrowserOffer);

            string answered = Extensions(client);
            Assert.Contains("server_no_context_takeover", answered);
            Assert.Contains("server_max_window_bits=10", answered);
            Assert.DoesNotContain("client_no_context_takeover", answered);
            await StreamHandFedTicksAsync(server, client, ticks: 5);
        });
    }

    [Fact]
    public async Task TrafficOfAnUnknownConnectionIsNotFound()
    {
        await WithClosedMarketAsync([], async server =>
        {
            using var http = server.CreateHttpClient();
            var response = await http.GetAsync("/api/ws-traffic/no-such-connection");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        });
    }

    [Theory]
    [InlineData("permessage-deflate; client_max_window_bits", "permessage-deflate; client_max_window_bits; client_no_context_takeover")]
    [InlineData("permessage-deflate; client_no_context_takeover", "permessage-deflate; client_no_context_takeover")]
    [InlineData("permessage-deflate, permessage-deflate; server_no_context_takeover",
        "permessage-deflate; client_no_context_takeover, permessage-deflate; server_no_context_takeover; client_no_context_takeover")]
    [InlineData("x-webkit-deflate-frame", "x-webkit-deflate-frame")]
    public void AddsClientNoContextTakeoverToEveryDeflateOffer(string offered, string expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.SecWebSocketExtensions = offered;
        WebSocketCompression.RequireClientNoContextTakeover(context.Request);
        Assert.Equal(expected, context.Request.Headers.SecWebSocketExtensions.ToString());
    }

    private static async Task WithClosedMarketAsync(Dictionary<string, string?> settings, Func<StockStreamServer, Task> test)
    {
        settings["Market:InitialState"] = "Closed";
        var server = new StockStreamServer(settings);
        await server.InitializeAsync();
        try
        {
            await test(server);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private static string Extensions(ProtocolClient client) =>
        client.Socket.HttpResponseHeaders?.TryGetValue("Sec-WebSocket-Extensions", out var values) == true ? string.Join(", ", values) : "";

    /// <summary>Subscribes to one symbol, publishes ticks by hand and reads them all; returns the tick frames' payload bytes.</summary>
    private static async Task<long> StreamHandFedTicksAsync(StockStreamServer server, ProtocolClient client, int ticks)
    {
        string symbol = server.BusySymbols(1)[0];
        await client.SubscribeAsync([symbol]);
        await client.ReceiveUntilAsync<SnapshotMessage>();
        ulong last = 0;
        for (int i = 0; i < ticks; i++) last = server.Hub.PublishNext(symbol).Seq;
        long payload = 0;
        ulong seen = 0;
        while (seen < last)
        {
            var (_, frame) = await client.ReceiveFrameAsync();
            var message = Assert.IsType<TicksMessage>(client.Format.ReadServerMessage(frame));
            payload += frame.Length;
            seen = message.Ticks[^1].Seq;
        }
        return payload;
    }

    private static async Task<WireTrafficEndpoint.WireTrafficAnswer> TrafficAsync(StockStreamServer server, string connectionId)
    {
        using var http = server.CreateHttpClient();
        return (await http.GetFromJsonAsync<WireTrafficEndpoint.WireTrafficAnswer>($"/api/ws-traffic/{connectionId}"))!;
    }
}
