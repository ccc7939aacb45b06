using System.Net.Http.Json;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using StockStream.Protocol;
using StockStream.Protocol.Messages;
using StockStream.Tests.Infrastructure;
using Xunit.Abstractions;

namespace StockStream.Tests.Limits;

/// <summary>
/// Thousands of random and mutated WebSocket messages (both subprotocols) and HTTP request lines against a server process:
/// no 5xx, no internals in any answer, the server alive and still streaming to a bystander, memory bounded.
/// The seed is fixed (set STOCKSTREAM_FUZZ_SEED to try another) and named in every failure.
/// </summary>
[Collection(ProcessHeavyCollection.Name)]
public sealed class FuzzTests(ITestOutputHelper output)
{
    private const int DefaultSeed = 20_261_201;
    private const int MessagePackFrames = 2_400;
    private const int JsonFrames = 1_200;
    private const int HttpRequests = 1_500;

    // The fuzz holds at most two sockets at a time and every frame is ≤ 5 KB, so nothing it sends may make the server keep
    // memory: measured after a warm-up pass (JIT, pools, Kestrel's buffers) with a 4 MB gen0 budget, the working set may
    // still grow by the GC's gen0/gen1 budgets and a few thread-pool stacks. 64 MB allows that and still catches a leak of
    // ~13 KB per message over the ~5,000 messages and requests of the measured pass.
    private const long MemoryGrowthBound = 64L * 1024 * 1024;

    private static readonly WebSocketCloseStatus[] AllowedCloses =
        [WebSocketCloseStatus.InvalidMessageType, WebSocketCloseStatus.InvalidPayloadData, WebSocketCloseStatus.PolicyViolation, WebSocketCloseStatus.MessageTooBig];

    [Fact]
    public async Task RandomAndMutatedInputGetsNo5xxNoInternalsAndLeavesTheServerStreamingInBoundedMemory()
    {
        int seed = int.TryParse(Environment.GetEnvironmentVariable("STOCKSTREAM_FUZZ_SEED"), out int chosen) ? chosen : DefaultSeed;
        output.WriteLine($"fuzz seed {seed}");
        var random = new Random(seed);
        await using var server = await DescriptorLimitServer.StartAsync(20_000, new Dictionary<string, string>
        {
            // One fuzzing socket sends thousands of messages a second; the rate limit has tests of its own.
            ["WebSocket:MaxMessagesPerSecond"] = "100000",
            // The fuzzing client reads each answer after sending; on a busy machine it can take longer than the default
            // 2 s to read a close, and the server's abort after the close timeout would then reset the socket under it.
            ["WebSocket:CloseTimeoutMs"] = "15000",
        }, new Dictionary<string, string>
        {
            // A 4 MB gen0 budget (the default follows the cache size, tens of MB) makes the GC collect every few MB
            // allocated, so the working set follows what the server keeps, not what it allocated since the last GC.
            ["DOTNET_GCgen0size"] = "0x400000",
        });
        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        await WaitHealthyAsync(http);
        var symbols = (await http.GetFromJsonAsync<JsonElement>("/api/symbols"))!.EnumerateArray().Select(i => i.GetProperty("symbol").GetString()!).ToList();
        string cursor = (await http.GetFromJsonAsync<JsonElement>($"/api/poll?symbols={symbols[0]}")).GetProperty("cursor").GetString()!;

        await using var bystander = await server.ConnectAsync();
        await bystander.SubscribeAsync(symbols.Take(10).ToList());
        long bystanderFrames = 0;
        var bystanderReads = Task.Run(async () =>
        {
            while (true)
            {
                var frame = await bystander.ReceiveFrameAsync(TimeSpan.FromSeconds(120));
                if (frame.Type == WebSocketMessageType.Close) return;
                Interlocked.Increment(ref bystanderFrames);
            }
        });

        var failures = new List<string>();
        var msgpack = new FrameFuzzer(random, json: false, Golden("*.msgpack"));
        var json = new FrameFuzzer(random, json: true, Golden("*.json"));
        var requests = new RequestFuzzer(random, symbols, cursor);

        // Warm-up pass: the same kinds of input, so what is measured after it is not first-use cost.
        await FuzzWebSocketAsync(server, Subprotocols.MessagePack, msgpack, 200, failures);
        await FuzzWebSocketAsync(server, Subprotocols.Json, json, 100, failures);
        await FuzzHttpAsync(server.BaseAddress, requests, 100, failures);
        long before = server.ResidentBytes();

        await FuzzWebSocketAsync(server, Subprotocols.MessagePack, msgpack, MessagePackFrames, failures);
        await FuzzWebSocketAsync(server, Subprotocols.Json, json, JsonFrames, failures);
        await FuzzHttpAsync(server.BaseAddress, requests, HttpRequests, failures);
        long after = server.ResidentBytes();
        output.WriteLine($"server working set {before / 1048576.0:F1} MB before, {after / 1048576.0:F1} MB after the measured pass");

        Assert.True(failures.Count == 0, $"seed {seed}: {failures.Count} failures, first ones:\n{string.Join('\n', failures.Take(10))}");
        Assert.False(server.HasExited, $"seed {seed}: the server exited\n{server.Output}");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
        long seen = Interlocked.Read(ref bystanderFrames);
        using (var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            while (Interlocked.Read(ref bystanderFrames) < seen + 5 && !bystanderReads.IsCompleted) await Task.Delay(50, wait.Token);
        }
        Assert.False(bystanderReads.IsCompleted, $"seed {seed}: the bystander's stream ended ({bystander.Socket.CloseStatus})");
        Assert.True(after - before <= MemoryGrowthBound,
            $"seed {seed}: the working set grew {(after - before) / 1048576.0:F1} MB (bound {MemoryGrowthBound / 1048576} MB)");
    }

    private static IReadOnlyList<byte[]> Golden(string pattern) =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "fixtures", "protocol"), pattern).Order(StringComparer.Ordinal).Select(File.ReadAllBytes)];

    private static async Task WaitHealthyAsync(HttpClient http)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!(await http.GetAsync("/healthz", deadline.Token)).IsSuccessStatusCode) await Task.Delay(100, deadline.Token);
    }

    /// <summary>Sends each frame, then a Ping, and reads until its Pong or a close: every answer on the way is checked.</summary>
    private static async Task FuzzWebSocketAsync(DescriptorLimitServer server, string subprotocol, FrameFuzzer fuzzer, int count, List<string> failures)
    {
        ProtocolClient? client = null;
        try
        {
            for (int i = 0; i < count; i++)
            {
                client ??= await server.ConnectAsync(subprotocol);
                var (payload, type, how) = fuzzer.Next();
                string what = $"{subprotocol} #{i} {how} {Convert.ToHexString(payload.AsSpan(0, Math.Min(payload.Length, 48)))}";
                if (!await ExchangeAsync(client, payload, type, i, what, failures))
                {
                    await client.DisposeAsync();
                    client = null;
                }
            }
        }
        finally
        {
            if (client is not null) await client.DisposeAsync();
        }
    }

    /// <returns>Whether the connection is still open.</returns>
    private static async Task<bool> ExchangeAsync(ProtocolClient client, byte[] payload, WebSocketMessageType type, int i, string what, List<string> failures)
    {
        var ping = client.Format.CreatePing(i);
        try
        {
            await client.SendRawAsync(payload, type);
            await client.SendAsync(ping);
            while (true)
            {
                var frame = await client.ReceiveFrameAsync();
                if (frame.Type == WebSocketMessageType.Close)
                {
                    if (!AllowedCloses.Contains(client.Socket.CloseStatus!.Value))
                        failures.Add($"{what}: closed with {(int?)client.Socket.CloseStatus} {client.Socket.CloseStatusDescription}");
                    return false;
                }
                var message = client.Format.ReadServerMessage(frame.Payload);
                if (message is ErrorMessage error)
                {
                    if (error.Code >= 500) failures.Add($"{what}: Error {error.Code} {error.Message}");
                    if (Leaks.Find(error.Message) is { } leak) failures.Add($"{what}: Error message shows '{leak}': {error.Message}");
                }
                if (message is PongMessage pong && pong.RawClientTime.Span.SequenceEqual(ping.RawClientTime.Span)) return true;
            }
        }
        catch (WebSocketException) when (client.Socket.CloseStatus is { } status)
        {
            // The server closed while the Ping was on its way: the close code is what counts.
            if (!AllowedCloses.Contains(status)) failures.Add($"{what}: closed with {(int)status}");
            return false;
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            failures.Add($"{what}: no answer and no close code ({e.GetType().Name}: {e.Message})");
            return false;
        }
    }

    /// <summary>Raw request lines over fresh TCP connections, so nothing is normalised on the client's side.</summary>
    private static async Task FuzzHttpAsync(Uri baseAddress, RequestFuzzer fuzzer, int count, List<string> failures)
    {
        for (int i = 0; i < count; i++)
        {
            var (method, target) = fuzzer.Next();
            string what = $"HTTP #{i} {method} {(target.Length > 200 ? target[..200] + "…" : target)}";
            bool mayBeHeld = target.StartsWith("/api/poll", StringComparison.Ordinal) || target.StartsWith("/api/sse", StringComparison.Ordinal);
            var (status, body) = await SendAsync(baseAddress, method, target, mayBeHeld);
            if (status is null)
            {
                if (!mayBeHeld || body.Length > 0) failures.Add($"{what}: no status line within 10 s {body}");
                continue;
            }
            if (status >= 500) failures.Add($"{what}: {status}\n{body}");
            if (status >= 300 && Leaks.Find(body) is { } leak) failures.Add($"{what}: {status} body shows '{leak}'\n{body}");
        }
    }

    /// <returns>The status (null when no answer came in time; a held poll or stream may do that) and the raw answer.</returns>
    private static async Task<(int? Status, string Answer)> SendAsync(Uri baseAddress, string method, string target, bool mayBeHeld)
    {
        using var tcp = new TcpClient();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(mayBeHeld ? 3 : 10));
        try
        {
            await tcp.ConnectAsync(baseAddress.Host, baseAddress.Port, deadline.Token);
            var stream = tcp.GetStream();
            await stream.WriteAsync(Encoding.UTF8.GetBytes($"{method} {target} HTTP/1.1\r\nHost: {baseAddress.Authority}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"), deadline.Token);
            var answer = new MemoryStream();
            var buffer = new byte[16_384];
            while (answer.Length < 1_000_000)
            {
                int read = await stream.ReadAsync(buffer, deadline.Token);
                if (read == 0) break;
                answer.Write(buffer, 0, read);
                string sofar = Encoding.UTF8.GetString(answer.GetBuffer(), 0, (int)answer.Length);
                // A stream that started is served; its events are not what this checks.
                if (sofar.Contains("\r\n\r\n", StringComparison.Ordinal) && sofar.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase)) break;
            }
            string text = Encoding.UTF8.GetString(answer.GetBuffer(), 0, (int)answer.Length);
            return (ParseStatus(text), text);
        }
        catch (OperationCanceledException)
        {
            return (null, "");
        }
        catch (IOException e)
        {
            // Reset before any status line: reported as no answer, like a timeout.
            return (null, e.Message);
        }
    }

    private static int? ParseStatus(string answer)
    {
        // "HTTP/1.1 400 Bad Request"; a server that closed without a status line answers nothing.
        string[] parts = answer.Split(' ', 3);
        return parts.Length >= 2 && parts[0].StartsWith("HTTP/", StringComparison.Ordinal) && int.TryParse(parts[1], out int status) ? status : null;
    }
}
