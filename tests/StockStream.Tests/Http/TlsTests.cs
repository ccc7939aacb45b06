using System.Net;
using System.Net.WebSockets;
using StockStream.Protocol;
using StockStream.Protocol.Messages;
using StockStream.Tests.Infrastructure;

namespace StockStream.Tests.Http;

/// <summary>With a configured certificate the same server serves https:// and wss://.</summary>
public class TlsTests(TlsServer server) : IClassFixture<TlsServer>
{
    [Fact]
    public async Task ServesHttpsWithTheConfiguredCertificate()
    {
        bool presented = false;
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => presented = server.IsOurCertificate(certificate),
        };
        using var http = new HttpClient(handler) { BaseAddress = server.HttpsAddress, Timeout = ProtocolClient.DefaultTimeout };
        using var response = await http.GetAsync($"/api/quotes?symbols={server.BusySymbols(1)[0]}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(presented);
    }

    [Fact]
    public async Task StreamsOverWss()
    {
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(Subprotocols.MessagePack);
        socket.Options.RemoteCertificateValidationCallback = (_, certificate, _, _) => server.IsOurCertificate(certificate);
        var uri = new UriBuilder(server.HttpsAddress) { Scheme = "wss", Path = "/ws" }.Uri;
        using var timeout = new CancellationTokenSource(ProtocolClient.DefaultTimeout);
        await socket.ConnectAsync(uri, timeout.Token);

        var buffer = new byte[4096];
        var frame = await socket.ReceiveAsync(buffer, timeout.Token);
        Assert.Equal(WebSocketMessageType.Binary, frame.MessageType);
        var hello = Assert.IsType<HelloMessage>(WireFormat.MessagePack.ReadServerMessage(buffer.AsMemory(0, frame.Count)));
        Assert.Equal(server.Hub.Epoch, hello.Epoch);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
    }

    [Fact]
    public async Task RefusesAClientThatDoesNotTrustTheCertificate()
    {
        using var http = new HttpClient { BaseAddress = server.HttpsAddress, Timeout = ProtocolClient.DefaultTimeout };
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("/healthz"));
    }
}
