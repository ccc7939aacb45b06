using StockStream.LoadTests.Server;
using StockStream.Testing;

namespace StockStream.LoadTests.Tests.Server;

public class ResourceParsingTests
{
    [Fact]
    public void ReadsCpuTimeFromProcStatEvenWithSpacesInTheName()
    {
        var stat = "4242 (dotnet (x) y) S 1 2 3 4 5 6 7 8 9 10 250 50 0 0 20 0 30 0 100 2000 300";

        Assert.Equal(TimeSpan.FromSeconds(3), ProcStatProbe.ParseCpu(stat));
    }

    [Fact]
    public void ReadsResidentMemoryFromProcStatus() =>
        Assert.Equal(123_456L * 1024, ProcStatProbe.ParseRss("Name:\tdotnet\nVmPeak:\t  999 kB\nVmRSS:\t  123456 kB\nThreads: 20\n"));

    [Fact]
    public async Task ReadsThisProcessFromProc()
    {
        var snapshot = await new ProcStatProbe(Environment.ProcessId).SampleAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.NotNull(snapshot.ServerCpu);
        Assert.True(snapshot.ServerRssBytes > 0);
    }

    [Fact]
    public void CountsBusyMachineTimeWithoutIdleAndIowait() =>
        Assert.Equal(TimeSpan.FromSeconds(6), MachineCpu.ParseBusy("cpu  100 100 100 5000 7000 100 100 100 0 0"));

    [Fact]
    public void SumsPrometheusSamplesOverLabels()
    {
        var metrics = PrometheusText.Parse("""
            # HELP process_cpu_seconds_total CPU time.
            # TYPE process_cpu_seconds_total counter
            process_cpu_seconds_total 12.5
            stockstream_ticks_sent_total{transport="ws"} 100 1732370000000
            stockstream_ticks_sent_total{transport="sse"} 50
            process_resident_memory_bytes 1.5e8
            """);

        Assert.Equal(12.5, metrics["process_cpu_seconds_total"]);
        Assert.Equal(150, metrics["stockstream_ticks_sent_total"]);
        Assert.Equal(1.5e8, metrics["process_resident_memory_bytes"]);
    }

    [Fact]
    public void PassesTheServerItsSettings()
    {
        var arguments = new ServerSettings { TicksPerSecond = 1000.5, Symbols = 20, ExtraArguments = ["--WebSocket:MaxPendingTicks=64"] }
            .ToArguments(new Uri("http://127.0.0.1:5123/")).ToList();

        Assert.Equal(["--urls", "http://127.0.0.1:5123"], arguments.Take(2));
        Assert.Contains("--Market:TicksPerSecond=1000.5", arguments);
        Assert.Contains("--Market:Symbols=20", arguments);
        Assert.Contains("--WebSocket:MaxPendingTicks=64", arguments);
    }

    [Fact]
    public void ServerMetricsCountersChangeButGaugesKeepTheirLastValue()
    {
        var before = new Dictionary<string, double> { ["stockstream_ticks_sent_total"] = 100, ["stockstream_ticks_pending"] = 7 };
        var after = new Dictionary<string, double> { ["stockstream_ticks_sent_total"] = 350, ["stockstream_ticks_pending"] = 2, ["stockstream_send_stalls_total"] = 1 };

        var change = ServerMetricsScraper.Change(before, after);

        Assert.Equal(250, change["stockstream_ticks_sent_total"]);
        Assert.Equal(2, change["stockstream_ticks_pending"]);
        Assert.Equal(1, change["stockstream_send_stalls_total"]);
        Assert.Empty(ServerMetricsScraper.Change(before, after: null));
    }

    [Fact]
    public void ReadsTheThreadPoolQueueAsTheGaugeItIsThoughExportedAsACounter()
    {
        // What OpenTelemetry's Prometheus exporter writes for the runtime's observable up-down counters.
        var before = ServerMetricsScraper.FromPrometheusText("""
            # TYPE dotnet_thread_pool_queue_length_total counter
            dotnet_thread_pool_queue_length_total{otel_scope_name="System.Runtime"} 1
            dotnet_thread_pool_thread_count_total{otel_scope_name="System.Runtime"} 6
            dotnet_thread_pool_work_item_count_total{otel_scope_name="System.Runtime"} 1000
            """);
        var after = ServerMetricsScraper.FromPrometheusText("""
            dotnet_thread_pool_queue_length_total{otel_scope_name="System.Runtime"} 0
            dotnet_thread_pool_thread_count_total{otel_scope_name="System.Runtime"} 4
            dotnet_thread_pool_work_item_count_total{otel_scope_name="System.Runtime"} 1500
            """);

        var change = ServerMetricsScraper.Change(before, after);

        Assert.Equal(0, change["dotnet_thread_pool_queue_length_total"]);
        Assert.Equal(4, change["dotnet_thread_pool_thread_count_total"]);
        Assert.Equal(500, change["dotnet_thread_pool_work_item_count_total"]);
    }

    [Fact]
    public void KeepsTheProductsMetricsWithHistogramCountsButNotBuckets()
    {
        var before = ServerMetricsScraper.FromPrometheusText("""
            process_cpu_seconds_total 3
            stockstream_poll_hold_duration_seconds_bucket{le="0.1"} 4
            stockstream_poll_hold_duration_seconds_count 4
            stockstream_poll_hold_duration_seconds_sum 0.2
            """);
        var after = ServerMetricsScraper.FromPrometheusText("""
            stockstream_poll_hold_duration_seconds_bucket{le="0.1"} 10
            stockstream_poll_hold_duration_seconds_count 10
            stockstream_poll_hold_duration_seconds_sum 0.5
            """);

        var change = ServerMetricsScraper.Change(before, after);

        Assert.Equal(["stockstream_poll_hold_duration_seconds_count", "stockstream_poll_hold_duration_seconds_sum"], change.Keys.Order());
        Assert.Equal(6, change["stockstream_poll_hold_duration_seconds_count"]);
        Assert.Equal(0.3, change["stockstream_poll_hold_duration_seconds_sum"], precision: 9);
    }

    [Fact]
    public void SeveralNodesAreSummedAndEachKept()
    {
        var at = DateTime.UtcNow;
        var first = new ResourceSnapshot(at, TimeSpan.FromSeconds(2), 100, TimeSpan.Zero, 0, null, 0);
        var second = new ResourceSnapshot(at, TimeSpan.FromSeconds(3), 50, TimeSpan.Zero, 0, null, 0);
        var redis = new ResourceSnapshot(at, TimeSpan.FromSeconds(1), 10, TimeSpan.Zero, 0, null, 0);

        var both = ClusterProbe.Combine(at, [first, second], redis);

        Assert.Equal(TimeSpan.FromSeconds(5), both.ServerCpu);
        Assert.Equal(150, both.ServerRssBytes);
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3)], both.NodeCpu!);
        Assert.Equal(TimeSpan.FromSeconds(1), both.RedisCpu);
    }

    [Fact]
    public void ANodeThatCannotBeReadLeavesTheSumUnknown()
    {
        var at = DateTime.UtcNow;
        var seen = new ResourceSnapshot(at, TimeSpan.FromSeconds(2), 100, TimeSpan.Zero, 0, null, 0);
        var gone = new ResourceSnapshot(at, null, null, TimeSpan.Zero, 0, null, 0);

        var both = ClusterProbe.Combine(at, [seen, gone], redis: null);

        Assert.Null(both.ServerCpu);
        Assert.Null(both.ServerRssBytes);
        Assert.Null(both.RedisCpu);
    }

    [Fact]
    public void EachNodesAndRedissCoresOverAnInterval()
    {
        var start = new ResourceSnapshot(new DateTime(2026, 11, 23, 18, 0, 0, DateTimeKind.Utc), TimeSpan.FromSeconds(3), null, TimeSpan.Zero, 0, null, 0)
        { NodeCpu = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], RedisCpu = TimeSpan.FromSeconds(1) };
        var end = new ResourceSnapshot(start.At.AddSeconds(10), TimeSpan.FromSeconds(9), null, TimeSpan.Zero, 0, null, 0)
        { NodeCpu = [TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(6)], RedisCpu = TimeSpan.FromSeconds(2) };

        Assert.Equal(0.6, end.ServerCoresSince(start)!.Value, precision: 9);
        Assert.Equal([0.2, 0.4], end.NodeCoresSince(start).Select(c => Math.Round(c!.Value, 9)));
        Assert.Equal(0.1, end.RedisCoresSince(start)!.Value, precision: 9);
        Assert.Empty(start.NodeCoresSince(start with { NodeCpu = null }));
    }

    [Fact]
    public void NodesJoinTheRedisBackplaneOnlyWhenGivenOne()
    {
        var url = new Uri("http://127.0.0.1:5001/");

        Assert.DoesNotContain(new ServerSettings().ToArguments(url), a => a.StartsWith("--Backplane", StringComparison.Ordinal));
        Assert.Contains("--Backplane:Kind=Redis", new ServerSettings { Redis = "127.0.0.1:6390" }.ToArguments(url));
        Assert.Contains("--Backplane:Redis=127.0.0.1:6390", new ServerSettings { Redis = "127.0.0.1:6390" }.ToArguments(url));
    }
}
