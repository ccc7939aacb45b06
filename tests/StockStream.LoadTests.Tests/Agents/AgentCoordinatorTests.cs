using System.Net;
using StockStream.LoadTests.Agents;
using StockStream.LoadTests.Engine;
using StockStream.LoadTests.Metrics;
using StockStream.LoadTests.Server;
using StockStream.LoadTests.Tests.Transports;
using StockStream.LoadTests.Transports;
using StockStream.LoadTests.Wire;
using StockStream.Testing;

namespace StockStream.LoadTests.Tests.Agents;

/// <summary>A coordinator and two agents on loopback, over their real HTTP endpoints, against a fake stream server.</summary>
public sealed class AgentCoordinatorTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task<int>> _agents = [];
    private readonly List<Uri> _agentUrls = [];
    private FakeStreamServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeStreamServer.StartAsync();
        _server.ConflateSomeTicks = false;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (int i = 0; i < 2; i++)
        {
            var url = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/");
            _agents.Add(new AgentServer(url.Authority, [IPAddress.Parse(AgentPool.SourceAddress(i))], _ => { }).RunAsync(_stop.Token));
            _agentUrls.Add(url);
            while (!await HealthCheck.IsHealthyAsync(http, url, _stop.Token)) await Task.Delay(50);
        }
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_agents).WaitAsync(Timeout);
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task MergesTheAgentsIntoOneReportWhoseCountsAreTheirSums()
    {
        await using var pool = AgentPool.Remote(_agentUrls);
        var coordinator = new AgentCoordinator(pool, new ScenarioMonitor(new ClientOnlyProbe(), (_, _) => { })) { StartDelay = TimeSpan.FromSeconds(1), DrainTime = TimeSpan.FromMilliseconds(500) };
        // A warm-up, then long enough that a busy machine still delivers ticks inside the window.
        var props = Scenario.Create("ws", _ => Task.FromResult(Response.Ok()))
            .WithLoadSimulations(Simulation.KeepConstant(5, TimeSpan.FromSeconds(1)), Simulation.KeepConstant(5, TimeSpan.FromSeconds(4))) with
        { WarmUp = TimeSpan.FromSeconds(1) };
        var m = new ScenarioMeasurements(new SymbolTable([FakeMarket.Symbol]), new MeasurementWindow());

        var run = await coordinator.RunAsync(TransportKind.WebSocket, props, [_server.BaseAddress], m, symbolsPerClient: 1, reconnect: false, onStart: null, CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal([3, 2], run.Reports.Select(r => r.Copies));
        Assert.Equal(5, run.Outcome.CopiesStarted);
        Assert.All(run.Reports, r => Assert.True(r.Counters.Ticks > 0));
        Assert.Equal(run.Reports.Sum(r => r.Counters.Ticks), m.Counters.Ticks);
        Assert.Equal(run.Reports.Sum(r => r.Counters.Frames), m.Counters.Frames);
        Assert.Equal(run.Reports.Sum(r => r.Counters.ConnectionsOpened), m.Counters.ConnectionsOpened);
        Assert.Equal(run.Reports.Sum(r => r.Counters.BytesReceived), m.Counters.BytesReceived);
        Assert.Equal(run.Reports.Sum(r => HistogramCodec.Decode(r.TickAge).TotalCount), m.TickAge.Total().Count);
        Assert.Equal(5, m.ConnectTime.Total().Count);
        Assert.Equal(run.Reports.Select(r => r.Counters.Ticks), run.Reports.Select(r => r.Delivery.Delivered));
        Assert.Equal(m.Counters.Ticks, m.Delivery().Delivered);
        Assert.Equal(run.Reports.Sum(r => r.Delivery.Delivered), m.Delivery().Delivered);
        // Every stream, whichever agent held it, is expected to reach the highest seq any agent saw.
        var merged = m.Tally();
        Assert.Equal(5, merged.OpenStreams[0]);
        Assert.Equal(run.Reports.Max(r => r.Delivery.LastSeq[0]), merged.LastSeq[0]);
        Assert.Equal(5 * (long)merged.LastSeq[0] - run.Reports.Sum(r => r.Delivery.OpenBaseSum[0]), m.Delivery().Expected);
        Assert.Equal(5, run.Outcome.Monitored.Timeline.Max(p => p.Clients));
    }

    [Fact]
    public async Task AnAgentRefusesMoreClientsThanOneProcessCanHold()
    {
        await using var pool = AgentPool.Remote([_agentUrls[0]]);
        var coordinator = new AgentCoordinator(pool, new ScenarioMonitor(new ClientOnlyProbe(), (_, _) => { })) { StartDelay = TimeSpan.Zero };
        var props = Scenario.Create("ws", _ => Task.FromResult(Response.Ok())).WithLoadSimulations(Simulation.KeepConstant(AgentRunner.MaxClients + 1, TimeSpan.FromSeconds(1)));
        var m = new ScenarioMeasurements(new SymbolTable([FakeMarket.Symbol]), new MeasurementWindow());

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            coordinator.RunAsync(TransportKind.WebSocket, props, [_server.BaseAddress], m, 1, false, null, CancellationToken.None).WaitAsync(Timeout));
        Assert.Contains("at most 19000 clients", e.Message);
        Assert.Contains("use --agents 2 or more", AgentCoordinator.WhyItCannotShare(props.LoadSimulations, agents: 1));
    }

    [Fact]
    public void HistogramsTravelInHdrHistogramsEncoding()
    {
        var recorder = new LatencyRecorder();
        foreach (long micros in (long[])[100, 2_000, 30_000, 30_000]) recorder.Record(micros);

        var decoded = HistogramCodec.Decode(recorder.EncodeTotal());

        Assert.Equal(4, decoded.TotalCount);
        Assert.Equal(recorder.Total().P99Ms, LatencyStats.From(decoded).P99Ms);
    }
}
