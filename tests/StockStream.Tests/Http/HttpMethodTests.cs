using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using StockStream.Tests.Infrastructure;

namespace StockStream.Tests.Http;

/// <summary>Every method and path answers a 4xx problem, never a 500, with the web app's fallback in place.</summary>
public class HttpMethodTests(BuiltAppServer server) : IClassFixture<BuiltAppServer>
{
    [Theory]
    [InlineData("GET", "/")]
    [InlineData("GET", "/index.html")]
    [InlineData("GET", "/some/client/route")]
    [InlineData("HEAD", "/")]
    public async Task ThePageAnswersGetAndHead(string method, string path)
    {
        using var response = await SendAsync(method, path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        if (method == "GET") Assert.Contains(BuiltAppServer.PageMarker, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("POST", "/")]
    [InlineData("PUT", "/index.html")]
    [InlineData("DELETE", "/some/client/route")]
    [InlineData("PATCH", "/")]
    [InlineData("OPTIONS", "/index.html")]
    [InlineData("PROPFIND", "/")]
    public async Task ThePageAnswersOtherMethodsWith405(string method, string path)
    {
        using var response = await SendAsync(method, path);
        await AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow.Order());
    }

    [Theory]
    [InlineData("POST", "/api/poll")]
    [InlineData("DELETE", "/api/sse")]
    [InlineData("PUT", "/api/symbols")]
    [InlineData("POST", "/api/quotes")]
    [InlineData("POST", "/api/history/AAPL")]
    [InlineData("POST", "/healthz")]
    public async Task AKnownPathWithTheWrongMethodIs405WithAllow(string method, string path)
    {
        using var response = await SendAsync(method, path);
        await AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Contains("GET", response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("GET", "/api/nothing-here")]
    [InlineData("POST", "/api/nothing-here")]
    [InlineData("GET", "/api")]
    public async Task AnUnknownApiPathIsA404ProblemNotThePage(string method, string path)
    {
        using var response = await SendAsync(method, path);
        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/api/history/{0}?limit=-1", "limit")]
    [InlineData("/api/history/{0}?seconds=5&limit=10", "limit")]
    [InlineData("/api/candles/{0}?count=5&size=2", "size")]
    [InlineData("/api/quotes?symbols={0}&depth=1", "depth")]
    [InlineData("/api/symbols?page=2", "page")]
    public async Task AParameterTheEndpointDoesNotTakeIsA400NamingIt(string path, string parameter)
    {
        using var response = await SendAsync("GET", string.Format(path, server.BusySymbols(1)[0]));
        using var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(parameter, problem.RootElement.GetProperty("parameter").GetString());
    }

    [Theory]
    [InlineData("/api/history/{0}?seconds=-1")]
    [InlineData("/api/history/{0}?seconds=%2B5")]
    [InlineData("/api/history/{0}?seconds=99999999999")]
    [InlineData("/api/candles/{0}?count=-1")]
    [InlineData("/api/candles/{0}?count=1.5")]
    [InlineData("/api/poll?symbols={0}&cursor=x&timeoutMs=-1")]
    [InlineData("/api/poll?symbols={0}&timeoutMs=60001")]
    public async Task ANumberOutOfRangeIsA400(string path)
    {
        using var response = await SendAsync("GET", string.Format(path, server.BusySymbols(1)[0]));
        using var _ = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task KestrelRefusesANulInThePathBeforeAnyMiddleware()
    {
        // Kestrel rejects a decoded NUL in the request target while parsing, before the application is called, so
        // no middleware can turn this answer into problem JSON: an empty-bodied 400 that closes the connection.
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.BaseAddress.Host, server.BaseAddress.Port).WaitAsync(ProtocolClient.DefaultTimeout);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"GET /api/history/%00 HTTP/1.1\r\nHost: {server.BaseAddress.Authority}\r\n\r\n")).AsTask().WaitAsync(ProtocolClient.DefaultTimeout);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        string answer = await reader.ReadToEndAsync().WaitAsync(ProtocolClient.DefaultTimeout);
        Assert.StartsWith("HTTP/1.1 400 Bad Request\r\n", answer);
        Assert.Contains("Content-Length: 0\r\n", answer);
        Assert.Contains("Connection: close\r\n", answer);
    }

    private async Task<HttpResponseMessage> SendAsync(string method, string path)
    {
        using var http = server.CreateHttpClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        return await http.SendAsync(request).WaitAsync(ProtocolClient.DefaultTimeout);
    }

    private static async Task<JsonDocument> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
        return problem;
    }
}
