using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;
using StockStream.Protocol;
using StockStream.Protocol.Messages;
using StockStream.Server.Backplane;
using StockStream.Server.Market;
using StockStream.Server.Streaming;

namespace StockStream.Benchmarks;

/// <summary>
/// The hub's fan-out without sockets: publish one generator batch to every subscriber's queue, then let each
/// connection take its frame, as the writer loops do. 1,000 connections × 10 of 50 symbols, as in the load goal.
/// </summary>
[MemoryDiagnoser]
public class FanOutBenchmarks
{
    private TickHub _hub = null!;
    private SubscriberQueue[] _queues = [];
    private Tick[] _batch = [];
    private ulong _seq;

    [Params(1_000)]
    public int Connections { get; set; }

    /// <summary>Ticks in one publish; 25 is one 5 ms interval at 5,000 ticks/s.</summary>
    [Params(25)]
    public int BatchSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var catalog = new InstrumentCatalog(50, 42);
        var metrics = new StreamingMetrics(new NoMeterFactory());
        _hub = new TickHub(catalog, Options.Create(new StreamingOptions()), Options.Create(new MarketOptions()), metrics, TimeProvider.System);
        var random = new Random(1);
        _queues = new SubscriberQueue[Connections];
        for (int i = 0; i < Connections; i++)
        {
            _queues[i] = new SubscriberQueue($"c{i}", 100, 4_096, 512, metrics);
            var symbols = catalog.All.OrderBy(_ => random.Next()).Take(10).Select(s => s.Symbol).ToArray();
            _hub.Subscribe(_queues[i], new SubscribeMessage(1, symbols));
            while (_queues[i].TryTake(out _)) { }
        }
        _batch = [.. Enumerable.Range(0, BatchSize).Select(i => new Tick(catalog.All[i % 50].Symbol, 0, 100, 10, 0))];
    }

    [Benchmark(Description = "Publish a batch and take every connection's frame")]
    public int PublishAndDrain()
    {
        _seq++;
        for (int i = 0; i < _batch.Length; i++) _batch[i] = _batch[i] with { Seq = _seq };
        _hub.Publish(new TickBatch(_hub.Offset + 1, _batch));
        int ticks = 0;
        foreach (var queue in _queues)
        {
            while (queue.TryTake(out var item)) ticks += item.Ticks.Count;
        }
        return ticks;
    }
}
