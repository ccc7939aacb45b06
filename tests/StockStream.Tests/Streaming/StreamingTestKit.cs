using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using StockStream.Protocol;
using StockStream.Server.Backplane;
using StockStream.Server.Market;
using StockStream.Server.Streaming;

namespace StockStream.Tests.Streaming;

/// <summary>A hub over a small catalog, fed by hand, for unit tests of the fan-out.</summary>
internal sealed class StreamingTestKit
{
    private readonly Dictionary<string, ulong> _seq = [];

    /// <param name="maxReplayBytes">The replay budget; by default none to speak of, so a reader that lags is not restarted.</param>
    public StreamingTestKit(int symbols = 5, int maxSymbols = 3, int historyTicks = 100, int maxReplayBytes = int.MaxValue)
    {
        Catalog = new InstrumentCatalog(symbols, 1);
        Metrics = new StreamingMetrics(MeterFactory);
        Hub = new TickHub(Catalog, Options.Create(new StreamingOptions { MaxSymbols = maxSymbols, HistoryMaxTicksPerSymbol = historyTicks, MaxReplayBytes = maxReplayBytes }),
            Options.Create(new MarketOptions()), Metrics, TimeProvider.System);
    }

    public InstrumentCatalog Catalog { get; }
    public IMeterFactory MeterFactory { get; } = new TestMeterFactory();
    public StreamingMetrics Metrics { get; }
    public TickHub Hub { get; }

    public string Symbol(int index) => Catalog.All[index].Symbol;

    public SubscriberQueue NewQueue(int maxPendingTicks = 64, int maxTicksPerFrame = 16) =>
        new("test", Hub.MaxSymbols, maxPendingTicks, maxTicksPerFrame, Metrics) { MaxReplayBytes = Hub.MaxReplayBytes };

    /// <summary>Publishes the next tick of each named symbol, as one batch.</summary>
    public Tick[] Publish(params string[] symbols)
    {
        var ticks = symbols.Select(s =>
        {
            ulong seq = _seq[s] = _seq.GetValueOrDefault(s) + 1;
            return new Tick(s, seq, 100 + seq, 10, UnixTime.NowMicroseconds(TimeProvider.System));
        }).ToArray();
        Hub.Publish(new TickBatch(Hub.Offset + 1, ticks));
        return ticks;
    }

    /// <summary>Everything the queue would send now, in order.</summary>
    public static List<OutboundItem> Drain(SubscriberQueue queue)
    {
        var items = new List<OutboundItem>();
        while (queue.TryTake(out var item))
            items.Add(item with { Ticks = new ArraySegment<EncodedTick>([.. item.Ticks]) });
        return items;
    }

    private sealed class TestMeterFactory : IMeterFactory
    {
        public Meter Create(MeterOptions options) => new(options);
        public void Dispose() { }
    }
}
