using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;
using StockStream.Protocol;
using StockStream.Protocol.Messages;
using StockStream.Server.Backplane;
using StockStream.Server.Market;
using StockStream.Server.Streaming;

namespace StockStream.Benchmarks;

/// <summary>
/// Both sides of a symbol's subscriber set at 2,000 subscribers of every symbol: a 10-symbol Subscribe plus its
/// Unsubscribe (what a churning client costs: time and bytes per change, independent of the subscriber count), and
/// publishing one tick of each of those symbols to every subscriber (what the generator pays).
/// </summary>
[MemoryDiagnoser]
public class SubscriptionBenchmarks
{
    private TickHub _hub = null!;
    private SubscriberQueue _churner = null!;
    private SubscriberQueue[] _queues = [];
    private string[] _symbols = [];
    private Tick[] _batch = [];
    private ulong _seq;

    [Params(2_000)]
    public int Subscribers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var catalog = new InstrumentCatalog(10, 42);
        var metrics = new StreamingMetrics(new NoMeterFactory());
        _hub = new TickHub(catalog, Options.Create(new StreamingOptions()), Options.Create(new MarketOptions()), metrics, TimeProvider.System);
        _symbols = [.. catalog.All.Select(i => i.Symbol)];
        _queues = [.. Enumerable.Range(0, Subscribers).Select(i => new SubscriberQueue($"c{i}", 100, 4_096, 512, metrics))];
        foreach (var queue in _queues) _hub.Subscribe(queue, new SubscribeMessage(1, _symbols));
        _churner = new SubscriberQueue("churner", 100, 4_096, 512, metrics);
        _batch = [.. _symbols.Select(s => new Tick(s, 0, 100, 10, 0))];
        Drain();
    }

    [Benchmark(Description = "Subscribe to 10 symbols and unsubscribe them")]
    public void SubscribeAndUnsubscribe()
    {
        _hub.Subscribe(_churner, new SubscribeMessage(1, _symbols));
        _hub.Unsubscribe(_churner, new UnsubscribeMessage(2, _symbols));
        while (_churner.TryTake(out _)) { }
    }

    [Benchmark(Description = "Publish 10 ticks to every subscriber and take their frames")]
    public int PublishAndDrain()
    {
        _seq++;
        for (int i = 0; i < _batch.Length; i++) _batch[i] = _batch[i] with { Seq = _seq };
        _hub.Publish(new TickBatch(_hub.Offset + 1, _batch));
        return Drain();
    }

    private int Drain()
    {
        int ticks = 0;
        foreach (var queue in _queues)
        {
            while (queue.TryTake(out var item)) ticks += item.Ticks.Count;
        }
        return ticks;
    }
}
