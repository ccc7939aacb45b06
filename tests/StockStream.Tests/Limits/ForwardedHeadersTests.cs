using System.Net;
using StockStream.Tests.Infrastructure;

namespace StockStream.Tests.Limits;

/// <summary>X-Forwarded-For/-Proto/-Host are believed from configured proxies only, in the per-address limits and the origin check.</summary>
public class ForwardedHeadersTests
{
    [Fact]
    public async Task ForwardedAddressesFromAKnownProxyAreLimitedOneByOne()
    {
        await using var server = await LimitedServer.StartAsync(new() { ["ClientLimits:RequestsPerSecond"] = "1", ["ClientLimits:KnownProxies:0"] = "127.0.0.1" });
        using var http = server.CreateHttpClient();
        // Ten requests outrun a bucket of two refilled once a second however slow the machine: some are refused.
        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 10; i++) statuses.Add((await GetForAsync(http, "10.1.1.1")).StatusCode);
        Assert.Equal(new[] { HttpStatusCode.OK, HttpStatusCode.OK }, statuses.Take(2));
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.OK, (await GetForAsync(http, "10.2.2.2")).StatusCode);
    }

    [Fact]
    public async Task ForwardedHeadersFromAnUnknownAddressAreIgnored()
    {
        await using var server = await LimitedServer.StartAsync(new() { ["ClientLimits:RequestsPerSecond"] = "1" });
        using var http = server.CreateHttpClient();
        // Claiming another address each time does not buy another share: ten requests outrun a bucket of two refilled
        // once a second however slow the machine, where ten believed addresses would each have had a bucket of their own.
        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 10; i++) statuses.Add((await GetForAsync(http, $"10.0.0.{i}")).StatusCode);
        Assert.Equal(new[] { HttpStatusCode.OK, HttpStatusCode.OK }, statuses.Take(2));
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }

    [Fact]
    public async Task OwnPageBehindATlsTerminatingProxyMayConnect()
    {
        await using var server = await LimitedServer.StartAsync(new() { ["ClientLimits:KnownProxies:0"] = "127.0.0.1" });
        var proxied = new Dictionary<string, string> { ["X-Forwarded-Proto"] = "https", ["X-Forwarded-Host"] = "stocks.example", ["X-Forwarded-For"] = "203.0.113.7" };

        var (status, _) = await HandshakeAttempt.RunAsync(server.WebSocketUri(), "https://stocks.example", proxied);
        Assert.Equal(HttpStatusCode.SwitchingProtocols, status);
        var (foreign, _) = await HandshakeAttempt.RunAsync(server.WebSocketUri(), "https://evil.example", proxied);
        Assert.Equal(HttpStatusCode.Forbidden, foreign);
    }

    [Fact]
    public async Task ForwardedSchemeAndHostAreNotBelievedFromAnUnknownProxy()
    {
        await using var server = await LimitedServer.StartAsync([]);
        var proxied = new Dictionary<string, string> { ["X-Forwarded-Proto"] = "https", ["X-Forwarded-Host"] = "stocks.example" };
        var (status, _) = await HandshakeAttempt.RunAsync(server.WebSocketUri(), "https://stocks.example", proxied);
        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    private static Task<HttpResponseMessage> GetForAsync(HttpClient http, string client)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/symbols");
        request.Headers.Add("X-Forwarded-For", client);
        return http.SendAsync(request);
    }
}
