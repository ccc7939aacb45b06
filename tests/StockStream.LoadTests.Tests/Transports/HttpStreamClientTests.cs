using StockStream.LoadTests.Engine;
using StockStream.LoadTests.Metrics;
using StockStream.LoadTests.Transports;
using StockStream.LoadTests.Wire;

namespace StockStream.LoadTests.Tests.Transports;

public sealed class HttpStreamClientTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private FakeStreamServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeStreamServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task LongPollClientFollowsTheCursorAndReceivesContiguousTicks()
    {
        var (response, m) = await StreamUntilAsync((options, http) => new LongPollClient(options, http).RunAsync, ticks: 20);

        Assert.True(response.IsOk, response.Error);
        var tracker = Assert.Single(m.Trackers);
        Assert.True(tracker.Ticks >= 20);
        Assert.Equal(0, tracker.GapTicks);
        Assert.Equal(1, m.ConnectTime.Total().Count);
        Assert.Equal(_server.Polls, m.Counters.Requests);
        Assert.True(m.Counters.BytesReceived > m.Counters.Requests * 100, "response headers are counted with the bodies");
        Assert.Equal(1, m.Counters.ConnectionsOpened); // keep-alive: one connection for every poll
    }

    [Fact]
    public async Task SseClientReadsTicksEventsAndIgnoresMarketEvents()
    {
        var (response, m) = await StreamUntilAsync((options, http) => new SseStreamClient(options, http).RunAsync, ticks: 20);

        Assert.True(response.IsOk, response.Error);
        var tracker = Assert.Single(m.Trackers);
        Assert.True(tracker.Ticks >= 20);
        Assert.Equal(0, tracker.GapTicks);
        Assert.Equal(0, tracker.OutOfOrder);
        Assert.Equal(1, m.Counters.Requests);
        Assert.True(m.TickAge.Total().MaxMs < 5_000);
    }

    [Fact]
    public async Task LongPollClientReportsAnHttpErrorAsFailure()
    {
        var options = new HttpClientOptions { BaseAddress = new Uri(_server.BaseAddress, "missing/"), SymbolsPerClient = 1 };
        var m = Measurements();
        using var http = new HttpClient(CountingHttpHandler.Create(m.Counters, TimeSpan.FromSeconds(5)));

        var response = await new LongPollClient(options, http).RunAsync(new ScenarioContext(0, m, CancellationToken.None)).WaitAsync(Timeout);

        Assert.Equal("poll: HTTP 404", response.Error);
    }

    private async Task<(Response, ScenarioMeasurements)> StreamUntilAsync(
        Func<HttpClientOptions, HttpClient, Func<ScenarioContext, Task<Response>>> client, int ticks)
    {
        var m = Measurements();
        using var http = new HttpClient(CountingHttpHandler.Create(m.Counters, TimeSpan.FromSeconds(5))) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        using var stop = new CancellationTokenSource();
        var run = client(new HttpClientOptions { BaseAddress = _server.BaseAddress, SymbolsPerClient = 1 }, http)(new ScenarioContext(0, m, stop.Token));

        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        using var deadline = new CancellationTokenSource(Timeout);
        while (m.Counters.Ticks < ticks && !run.IsCompleted) await poll.WaitForNextTickAsync(deadline.Token);
        m.Window.Close();
        await stop.CancelAsync();
        return (await run.WaitAsync(Timeout), m);
    }

    private static ScenarioMeasurements Measurements() => new(new SymbolTable(["AAPL"]), new MeasurementWindow());
}
