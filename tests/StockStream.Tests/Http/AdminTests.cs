using System.Net;
using System.Net.Http.Headers;
using StockStream.Protocol;
using StockStream.Protocol.Messages;
using StockStream.Tests.Infrastructure;

namespace StockStream.Tests.Http;

/// <summary><c>POST /api/admin/market</c>: the bearer token, and the change reaching every transport.</summary>
public class AdminTests(ClosedMarketServer server) : IClassFixture<ClosedMarketServer>
{
    private static readonly TimeSpan Bound = ProtocolClient.DefaultTimeout;

    [Fact]
    public async Task WithoutATokenIsA401AskingForBearer()
    {
        using var response = await PostAsync("{\"state\":\"halted\"}", token: null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task WithAWrongTokenIsA403AndChangesNothing()
    {
        var before = server.Hub.MarketState;
        using var response = await PostAsync("{\"state\":\"halted\"}", token: "wrong");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, server.Hub.MarketState);
    }

    [Theory]
    [InlineData("{\"state\":\"sideways\"}")]
    [InlineData("{}")]
    [InlineData("not json")]
    [InlineData("")]
    public async Task BadBodyIsA400Problem(string body)
    {
        using var response = await PostAsync(body, ClosedMarketServer.AdminToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ChangeReachesWebSocketsSseAndHeldPolls()
    {
        var symbols = server.BusySymbols(1);
        // Never "open" here: this fixture hand-feeds ticks, and an open market would generate its own.
        var target = server.Hub.MarketState == MarketState.Halted ? MarketState.Closed : MarketState.Halted;

        await using var socket = await server.ConnectAsync();
        await using var sse = await server.OpenSseAsync(symbols);
        await sse.ReadEventAsync("ticks");
        var start = await server.PollAsync(symbols);
        using var holds = new MetricWatcher(server, "stockstream.poll.held");
        var held = server.PollAsync(symbols, start.Cursor, timeoutMs: 60_000);
        await holds.FirstIncrease.WaitAsync(Bound);

        using var response = await PostAsync($"{{\"state\":\"{target.ToWire()}\"}}", ClosedMarketServer.AdminToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(target, server.Hub.MarketState);

        var status = await socket.ReceiveAsync<MarketStatusMessage>();
        Assert.Equal(target, status.State);
        var market = await sse.ReadEventAsync("market");
        Assert.Equal(target.ToWire(), market.Json.GetProperty("market").GetString());
        Assert.Equal(target, (await held.WaitAsync(Bound)).Market);
    }

    private async Task<HttpResponseMessage> PostAsync(string body, string? token)
    {
        using var http = server.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/market") { Content = OperationsTests.JsonContent(body) };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request);
    }
}
