using StockStream.LoadTests.Engine;
using StockStream.LoadTests.Metrics;
using StockStream.LoadTests.Transports;
using StockStream.LoadTests.Wire;
using StockStream.Protocol;

namespace StockStream.LoadTests.Tests.Transports;

public sealed class WebSocketStreamClientTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private FakeStreamServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeStreamServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CountsAConflatedJumpAsConflationNotAsAGap(bool json)
    {
        var m = Measurements();
        var (response, _) = await RunUntilAsync(m, json ? WireFormat.Json : WireFormat.MessagePack, ticks: 20);

        Assert.True(response.IsOk, response.Error);
        var tracker = Assert.Single(m.Trackers);
        Assert.True(tracker.Ticks >= 20);
        Assert.Equal(0, tracker.GapTicks);
        Assert.Equal(4, tracker.ConflatedTicks); // 21..24
        Assert.Equal(1, m.Counters.ConflatedFrames);
        Assert.Equal(1, m.ConnectTime.Total().Count);
        Assert.Empty(m.Counters.ErrorsByKind);
    }

    [Fact]
    public async Task ReportsTheServersCloseCodeAsTheFailure()
    {
        _server.CloseAfterTicks = 5;
        var m = Measurements();

        var (response, _) = await RunUntilAsync(m, WireFormat.MessagePack, ticks: int.MaxValue);

        Assert.Equal("closed: 4008 too slow", response.Error);
        Assert.Equal(5, Assert.Single(m.Trackers).Ticks);
    }

    [Fact]
    public async Task RefusedHandshakeIsAConnectFailure()
    {
        var m = Measurements();
        var options = new WebSocketClientOptions { Endpoint = new Uri(TransportProbe.WebSocketEndpoint(_server.BaseAddress), "/missing"), SymbolsPerClient = 1 };
        using var http = new HttpClient(CountingHttpHandler.Create(m.Counters, TimeSpan.FromSeconds(5)));

        var response = await new WebSocketStreamClient(options, http).RunAsync(new ScenarioContext(0, m, CancellationToken.None)).WaitAsync(Timeout);

        Assert.Equal("connect: HTTP 404", response.Error);
        Assert.Empty(m.Trackers);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CountsTheCompressedBytesOnTheWire(bool json)
    {
        var format = json ? WireFormat.Json : WireFormat.MessagePack;
        var plain = Measurements();
        Assert.True((await RunUntilAsync(plain, format, ticks: 100)).Item1.IsOk);
        _server.Compress = true;
        var compressed = Measurements();

        var (response, _) = await RunUntilAsync(compressed, format, ticks: 100, deflate: true);

        Assert.True(response.IsOk, response.Error);
        double plainPerTick = (double)plain.Counters.BytesReceived / plain.Counters.Ticks;
        double compressedPerTick = (double)compressed.Counters.BytesReceived / compressed.Counters.Ticks;
        Assert.True(compressedPerTick < 0.8 * plainPerTick, $"{compressedPerTick:0.0} B/tick compressed against {plainPerTick:0.0} plain");
    }

    [Fact]
    public async Task ADeflateClientFailsWhenTheServerDoesNotCompress()
    {
        var m = Measurements();

        var (response, _) = await RunUntilAsync(m, WireFormat.MessagePack, ticks: int.MaxValue, deflate: true);

        Assert.Equal("connect: permessage-deflate not accepted", response.Error);
        Assert.Empty(m.Trackers);
    }

    private async Task<(Response, ScenarioMeasurements)> RunUntilAsync(ScenarioMeasurements m, WireFormat format, int ticks, bool deflate = false)
    {
        var options = new WebSocketClientOptions { Endpoint = TransportProbe.WebSocketEndpoint(_server.BaseAddress), Format = format, SymbolsPerClient = 1, Deflate = deflate };
        using var http = new HttpClient(CountingHttpHandler.Create(m.Counters, TimeSpan.FromSeconds(5)));
        using var stop = new CancellationTokenSource();
        var run = new WebSocketStreamClient(options, http).RunAsync(new ScenarioContext(0, m, stop.Token));

        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        using var deadline = new CancellationTokenSource(Timeout);
        while (m.Counters.Ticks < ticks && !run.IsCompleted) await poll.WaitForNextTickAsync(deadline.Token);
        m.Window.Close();
        await stop.CancelAsync();
        return (await run.WaitAsync(Timeout), m);
    }

    private static ScenarioMeasurements Measurements() => new(new SymbolTable(["AAPL"]), new MeasurementWindow());
}
