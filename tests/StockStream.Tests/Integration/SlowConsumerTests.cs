using StockStream.Protocol;
using StockStream.Protocol.Messages;
using StockStream.Tests.Infrastructure;

namespace StockStream.Tests.Integration;

/// <summary>One reader stops reading for 10 s while 100 others stream: nobody else suffers, memory stays bounded.</summary>
[Collection(nameof(SlowConsumerTests))]
public class SlowConsumerTests : IAsyncLifetime
{
    private const int MaxPendingTicks = 256;
    private readonly StockStreamServer _server = new(new Dictionary<string, string?>
    {
        ["Market:TicksPerSecond"] = "5000",
        ["WebSocket:MaxPendingTicks"] = $"{MaxPendingTicks}",
        // Long enough that the stalled reader is conflated, not dropped, within the 10 s.
        ["WebSocket:SendTimeoutMs"] = "60000",
    }, socketSendBufferBytes: 16 * 1024);

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task StalledReaderIsConflatedWhileOthersKeepTheirLatency()
    {
        using var metrics = new MetricRecorder(_server.Services);
        var symbols = _server.BusySymbols(20);
        using var stop = new CancellationTokenSource();
        var ages = new TickAges();
        var others = new List<ProtocolClient>();
        for (int i = 0; i < 100; i++) others.Add(await _server.ConnectAsync(query: $"symbols={symbols[i % 20]},{symbols[(i + 7) % 20]}"));
        var readers = others.Select(c => ReadTicksAsync(c, ages, stop.Token)).ToArray();

        // The others' tick age before the stall, measured the same way: the yardstick for "does not grow".
        ages.Reset();
        await SampleAsync(TimeSpan.FromSeconds(3), () => { });
        var before = ages.Snapshot();

        await using var slow = await _server.ConnectAsync(query: $"symbols={string.Join(',', symbols)}", receiveBufferBytes: 4096);
        await slow.ReceiveAsync<SubAckMessage>();

        // The stall itself: sample the server every half second for 10 s while the slow client reads nothing.
        ages.Reset();
        long maxPending = 0;
        await SampleAsync(TimeSpan.FromSeconds(10), () => maxPending = Math.Max(maxPending, metrics.Observe("stockstream.ticks.pending")));
        var during = ages.Snapshot();

        Assert.True(metrics.Total("stockstream.ticks.conflated") > 0, "the stalled reader's ticks should have been conflated");
        // Unbounded, 10 s at 5,000 ticks/s would queue ~50,000 ticks for the stalled reader alone.
        Assert.InRange(maxPending, 0, MaxPendingTicks + 2_000);
        Assert.True(during.Count > 10_000, $"others received only {during.Count} ticks during the stall");
        // Blocked behind the stalled reader, the others' ticks would be seconds old; compared within this run,
        // because the machine's load moves absolute latency.
        long p99Before = Percentile(before, 0.99), p99During = Percentile(during, 0.99);
        Assert.True(p99During <= 3 * p99Before + 50_000, $"others' p99 tick age grew from {p99Before} µs to {p99During} µs during the stall");

        var (conflated, _) = await slow.ReceiveUntilAsync<TicksMessage>(t => t.Flags.HasFlag(TickFlags.Conflated), TimeSpan.FromSeconds(20));
        Assert.NotEmpty(conflated.Ticks);

        await stop.CancelAsync();
        await Task.WhenAll(readers);
        foreach (var client in others) await client.DisposeAsync();
    }

    /// <summary>Runs <paramref name="sample"/> every half second for <paramref name="duration"/>: the scenario's clock, not a wait for an event.</summary>
    private static async Task SampleAsync(TimeSpan duration, Action sample)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        for (int i = 0; i < duration.TotalMilliseconds / 500; i++)
        {
            await timer.WaitForNextTickAsync();
            sample();
        }
    }

    private static async Task ReadTicksAsync(ProtocolClient client, TickAges ages, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (await client.ReceiveAsync(TimeSpan.FromSeconds(30)) is TicksMessage ticks)
                {
                    long now = UnixTime.NowMicroseconds(TimeProvider.System);
                    foreach (var tick in ticks.Ticks) ages.Add(now - tick.Time);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private static long Percentile(List<long> values, double p)
    {
        values.Sort();
        return values[(int)Math.Min(values.Count - 1, p * values.Count)];
    }

    private sealed class TickAges
    {
        private readonly Lock _gate = new();
        private List<long> _ages = [];

        public void Add(long age) { lock (_gate) _ages.Add(age); }

        public void Reset() { lock (_gate) _ages = []; }

        public List<long> Snapshot() { lock (_gate) return [.. _ages]; }
    }
}

/// <summary>Runs the slow-consumer scenario alone, so other servers' load does not skew its latency comparison.</summary>
[CollectionDefinition(nameof(SlowConsumerTests), DisableParallelization = true)]
public class SlowConsumerCollection;
