using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using StockStream.Tests.Infrastructure;

namespace StockStream.Tests.Limits;

public class ClientLimitsTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task OpenStreamsPerAddressAreLimitedWith503AndRetryAfter()
    {
        await using var server = await LimitedServer.StartAsync(new() { ["ClientLimits:ConnectionsPerClient"] = "2" });
        using var http = server.CreateHttpClient();
        string symbol = server.BusySymbols(1)[0];
        var start = await http.GetFromJsonAsync<JsonElement>($"/api/poll?symbols={symbol}");
        await using var a = await server.ConnectAsync();
        await using var b = await server.ConnectAsync();

        var (status, retryAfter) = await HandshakeAttempt.RunAsync(server.WebSocketUri());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.NotNull(retryAfter);

        // A held poll is an open connection as well, refused with 429 problem JSON.
        var refused = await http.GetAsync($"/api/poll?symbols={symbol}&cursor={start.GetProperty("cursor").GetString()}");
        await AssertProblemAsync(refused, HttpStatusCode.TooManyRequests);

        await a.DisposeAsync();
        await using var again = await ConnectWhenThereIsRoomAsync(server);
    }

    [Fact]
    public async Task HandshakesPerSecondPerAddressAreLimited()
    {
        await using var server = await LimitedServer.StartAsync(new() { ["ClientLimits:ConnectAttemptsPerSecond"] = "1" });
        // Bursts of twice the rate are allowed.
        await using var a = await server.ConnectAsync();
        await using var b = await server.ConnectAsync();
        // Ten more outrun a refill of one a second however slow the machine: one of them is refused.
        for (int i = 0; i < 10; i++)
        {
            var (status, retryAfter) = await HandshakeAttempt.RunAsync(server.WebSocketUri());
            if (status == HttpStatusCode.SwitchingProtocols) continue;
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.True(retryAfter >= TimeSpan.FromSeconds(1), $"Retry-After {retryAfter}");
            return;
        }
        Assert.Fail("No handshake was refused.");
    }

    [Fact]
    public async Task ARefusedHandshakeHoldsItsAddressBackAtAcceptUntilItsRetryAfterHasPassed()
    {
        await using var server = await LimitedServer.StartAsync(new() { ["ClientLimits:ConnectAttemptsPerSecond"] = "1" });
        // Any new connection from the address now gets a 503 problem before its request is parsed, even one for /healthz
        // (tried again should a stalled machine let the second of Retry-After pass before the request is sent).
        string answer = "";
        for (int i = 0; i < 5 && !answer.StartsWith("HTTP/1.1 503", StringComparison.Ordinal); i++)
        {
            await RefuseAHandshakeAsync(server);
            answer = await RawGetAsync(server, "/healthz");
        }
        Assert.StartsWith("HTTP/1.1 503 Service Unavailable\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("\r\nRetry-After: 1\r\n", answer, StringComparison.Ordinal);
        Assert.EndsWith("}", answer, StringComparison.Ordinal);

        // Once Retry-After has passed it is accepted again.
        await using var again = await ConnectWhenThereIsRoomAsync(server);
    }

    [Fact]
    public async Task AWebSocketClosedForFloodingHoldsItsAddressBackAtAccept()
    {
        await using var server = await LimitedServer.StartAsync(new() { ["WebSocket:MaxMessagesPerSecond"] = "1", ["ClientLimits:FloodRefusalSeconds"] = "30" });
        await FloodUntilClosedAsync(server);

        string answer = await RawGetAsync(server, "/healthz");
        Assert.StartsWith("HTTP/1.1 503 Service Unavailable\r\n", answer, StringComparison.Ordinal);
        var retryAfter = int.Parse(answer.Split("\r\nRetry-After: ")[1].Split("\r\n")[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 20, 30);
    }

    [Fact]
    public async Task AFloodHoldsNothingBackWhenFloodRefusalIsOff()
    {
        await using var server = await LimitedServer.StartAsync(new() { ["WebSocket:MaxMessagesPerSecond"] = "1", ["ClientLimits:FloodRefusalSeconds"] = "0" });
        await FloodUntilClosedAsync(server);

        Assert.StartsWith("HTTP/1.1 200 OK\r\n", await RawGetAsync(server, "/healthz"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutRefuseEarlyOnlyTheHandshakesThemselvesAreRefused()
    {
        await using var server = await LimitedServer.StartAsync(new() { ["ClientLimits:ConnectAttemptsPerSecond"] = "1", ["ClientLimits:RefuseEarly"] = "false" });
        await RefuseAHandshakeAsync(server);

        Assert.StartsWith("HTTP/1.1 200 OK\r\n", await RawGetAsync(server, "/healthz"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiRequestsPerSecondPerAddressAreLimitedWith429ProblemJson()
    {
        await using var server = await LimitedServer.StartAsync(new() { ["ClientLimits:RequestsPerSecond"] = "1" });
        using var http = server.CreateHttpClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/symbols")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/symbols")).StatusCode);
        // Ten more outrun a refill of one a second however slow the machine: one of them is refused.
        var refused = await http.GetAsync("/api/symbols");
        for (int i = 0; i < 10 && refused.StatusCode == HttpStatusCode.OK; i++) refused = await http.GetAsync("/api/symbols");
        await AssertProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.NotNull(refused.Headers.RetryAfter);
        // Health and metrics are not API requests: operations keep working.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task LoopbackIsExemptOnlyWhenConfigured()
    {
        await using var server = await LimitedServer.StartAsync(new() { ["ClientLimits:RequestsPerSecond"] = "1", ["ClientLimits:ExemptLoopback"] = "true" });
        using var http = server.CreateHttpClient();
        for (int i = 0; i < 10; i++) Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/symbols")).StatusCode);
    }

    /// <summary>Uses up a bucket of two handshakes refilled once a second, however slow the machine, until one is refused with 503.</summary>
    private static async Task RefuseAHandshakeAsync(IServerEndpoint server)
    {
        for (int i = 0; i < 12; i++)
        {
            var (status, _) = await HandshakeAttempt.RunAsync(server.WebSocketUri());
            if (status == HttpStatusCode.ServiceUnavailable) return;
            Assert.Equal(HttpStatusCode.SwitchingProtocols, status);
        }
        Assert.Fail("No handshake was refused.");
    }

    /// <summary>Pings past a limit of one message a second (bursts of two) until the server closes with 1008.</summary>
    private static async Task FloodUntilClosedAsync(IServerEndpoint server)
    {
        await using var client = await server.ConnectAsync();
        var ping = client.Format.ToArray(client.Format.CreatePing(1));
        for (int i = 0; i < 10 && client.Socket.State == WebSocketState.Open; i++)
        {
            try
            {
                await client.SendRawAsync(ping, WebSocketMessageType.Binary);
            }
            catch (WebSocketException)
            {
                break; // closed already
            }
        }
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, await client.ReceiveCloseAsync());
    }

    /// <summary>A GET on a new TCP connection, as raw text: the whole answer until the server closes.</summary>
    private static async Task<string> RawGetAsync(IServerEndpoint server, string path)
    {
        using var deadline = new CancellationTokenSource(Timeout);
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(server.BaseAddress.Host, server.BaseAddress.Port, deadline.Token);
        var stream = tcp.GetStream();
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: {server.BaseAddress.Authority}\r\nConnection: close\r\n\r\n"), deadline.Token);
        using var reader = new StreamReader(stream, System.Text.Encoding.ASCII);
        return await reader.ReadToEndAsync(deadline.Token);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.RetryAfter);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
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
                // The slot is released when the server has finished closing the socket.
                await Task.Delay(50, deadline.Token);
            }
        }
    }
}
