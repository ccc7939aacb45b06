using System.Net;
using System.Net.WebSockets;
using StockStream.Protocol;
using StockStream.Protocol.Messages;
using StockStream.Tests.Infrastructure;

namespace StockStream.Tests.Integration;

/// <summary>Every row of the protocol's error table, against a real socket.</summary>
public class WebSocketErrorTests(StockStreamServer server) : IClassFixture<StockStreamServer>
{
    [Fact]
    public async Task TextFrameOnTheBinarySubprotocolClosesWith1003()
    {
        await using var client = await server.ConnectAsync();
        await client.SendRawAsync("[3,1]"u8.ToArray(), WebSocketMessageType.Text);
        Assert.Equal(WebSocketCloseStatus.InvalidMessageType, await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task BinaryFrameOnTheJsonSubprotocolClosesWith1003()
    {
        await using var client = await server.ConnectAsync(Subprotocols.Json);
        await client.SendRawAsync(WireFormat.MessagePack.ToArray(WireFormat.MessagePack.CreatePing(1)), WebSocketMessageType.Binary);
        Assert.Equal(WebSocketCloseStatus.InvalidMessageType, await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task InvalidMessagePackGetsAnErrorAndTheConnectionStaysUsable()
    {
        await using var client = await server.ConnectAsync();
        await client.SendRawAsync([0xc1, 0x00], WebSocketMessageType.Binary);
        var error = await client.ReceiveAsync<ErrorMessage>();
        Assert.Equal(ErrorCodes.MalformedMessage, error.Code);
        Assert.DoesNotContain("Exception", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", error.Message, StringComparison.Ordinal);

        await client.SendAsync(client.Format.CreatePing(5));
        await client.ReceiveUntilAsync<PongMessage>();
    }

    [Fact]
    public async Task UnknownMessageTypeGetsError404()
    {
        await using var client = await server.ConnectAsync();
        await client.SendRawAsync([0x92, 0x63, 0x01], WebSocketMessageType.Binary);
        Assert.Equal(ErrorCodes.UnknownMessageType, (await client.ReceiveAsync<ErrorMessage>()).Code);
    }

    [Fact]
    public async Task WrongFieldTypesGetError400()
    {
        await using var client = await server.ConnectAsync(Subprotocols.Json);
        await client.SendRawAsync("[1,\"seven\",[\"AAPL\"]]"u8.ToArray(), WebSocketMessageType.Text);
        Assert.Equal(ErrorCodes.MalformedMessage, (await client.ReceiveAsync<ErrorMessage>()).Code);
    }

    [Fact]
    public async Task RepeatedMalformedMessagesCloseWith1007()
    {
        await using var client = await server.ConnectAsync();
        for (int i = 0; i < 3; i++) await client.SendRawAsync([0xc1], WebSocketMessageType.Binary);
        for (int i = 0; i < 3; i++) Assert.Equal(ErrorCodes.MalformedMessage, (await client.ReceiveAsync<ErrorMessage>()).Code);
        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task OversizedFrameClosesWith1009()
    {
        await using var client = await server.ConnectAsync();
        await client.SendRawAsync(new byte[5_000], WebSocketMessageType.Binary);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task MessageFloodGetsError429ThenCloses1008()
    {
        // A server of its own: a flood holds the address (loopback here) back for a while, and the other tests connect from it too.
        await using var flooded = new OwnServer();
        await flooded.InitializeAsync();
        await using var client = await flooded.ConnectAsync();
        var ping = client.Format.ToArray(client.Format.CreatePing(1));
        for (int i = 0; i < 150 && client.Socket.State == WebSocketState.Open; i++)
        {
            try
            {
                await client.SendRawAsync(ping, WebSocketMessageType.Binary);
            }
            catch (WebSocketException)
            {
                break; // the server may already have closed
            }
        }
        var (error, _) = await client.ReceiveUntilAsync<ErrorMessage>();
        Assert.Equal(ErrorCodes.TooManyMessages, error.Code);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task ForeignOriginIsRefusedWith403()
    {
        var e = await Assert.ThrowsAsync<WebSocketException>(() =>
            ProtocolClient.ConnectAsync(server.WebSocketUri(), Subprotocols.MessagePack, origin: "https://evil.example"));
        Assert.Contains("403", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OwnOriginIsAllowed()
    {
        string own = server.BaseAddress.GetLeftPart(UriPartial.Authority);
        await using var client = await ProtocolClient.ConnectAsync(server.WebSocketUri(), Subprotocols.MessagePack, origin: own);
        await client.ReadHandshakeAsync();
    }

    [Fact]
    public async Task ASocketOpensOnTheEndpointWithATrailingSlashToo()
    {
        var uri = new UriBuilder(server.WebSocketUri()) { Path = "/ws/" }.Uri;
        await using var client = await ProtocolClient.ConnectAsync(uri, Subprotocols.MessagePack);
        await client.ReadHandshakeAsync();
    }

    [Fact]
    public async Task ForeignSubprotocolIsRefusedWith400NamingTheSupportedOnes()
    {
        using var http = server.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/ws");
        request.Headers.Connection.Add("Upgrade");
        request.Headers.Upgrade.Add(new System.Net.Http.Headers.ProductHeaderValue("websocket"));
        request.Headers.Add("Sec-WebSocket-Version", "13");
        request.Headers.Add("Sec-WebSocket-Key", Convert.ToBase64String(new byte[16]));
        request.Headers.Add("Sec-WebSocket-Protocol", "mqtt, graphql-ws");
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        string body = await response.Content.ReadAsStringAsync();
        Assert.Contains(Subprotocols.MessagePack, body, StringComparison.Ordinal);
        Assert.Contains(Subprotocols.Json, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SymbolProblemsAreRejectionsNotErrors()
    {
        await using var client = await server.ConnectAsync();
        var symbols = Enumerable.Range(0, 105).Select(i => $"X{i}").Append("bad symbol").Append(server.BusySymbols(1)[0]).ToArray();
        await client.SubscribeAsync(symbols);
        var ack = await client.ReceiveAsync<SubAckMessage>();
        Assert.Equal([server.BusySymbols(1)[0]], ack.Accepted);
        Assert.Equal(106, ack.Rejected.Count);
        Assert.Contains(ack.Rejected, r => r.Symbol == "bad symbol" && r.Reason == SymbolRejection.InvalidSymbol);
        Assert.Equal(WebSocketState.Open, client.Socket.State);
    }

    private sealed class OwnServer : StockStreamServer, IAsyncDisposable
    {
        ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());
    }
}
