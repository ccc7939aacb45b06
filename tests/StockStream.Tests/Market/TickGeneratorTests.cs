using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StockStream.Protocol;
using StockStream.Protocol.Messages;
using StockStream.Server.Backplane;
using StockStream.Server.Backplane.InProcess;
using StockStream.Server.Market;
using StockStream.Server.Streaming;
using StockStream.Tests.Streaming;

namespace StockStream.Tests.Market;

/// <summary>The hosted generator against the in-process backplane and a real hub.</summary>
public class TickGeneratorTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ABatchCaughtByACloseOnItsWayIsDroppedAndTheSeqsGoOnWithoutAGap()
    {
        var kit = new StreamingTestKit(symbols: 5, maxSymbols: 5);
        var market = new MarketOptions { Symbols = 5, TicksPerSecond = 5_000 };
        var backplane = new ClosingBackplane(kit.Hub);
        var generator = new TickGenerator(kit.Catalog, Options.Create(market), backplane, new MarketMetrics(kit.MeterFactory),
            TimeProvider.System, new StartedLifetime(), NullLogger<TickGenerator>.Instance);
        var queue = kit.NewQueue(maxPendingTicks: 1 << 20, maxTicksPerFrame: 1_024);
        kit.Hub.Attach(queue);
        kit.Hub.Subscribe(queue, new SubscribeMessage(1, [.. kit.Catalog.All.Select(i => i.Symbol)]));
        var items = new List<OutboundItem>();

        await generator.StartAsync(CancellationToken.None);
        try
        {
            await CollectUntilAsync(queue, items, () => TicksOf(items).Any());
            // The generator has looked at the state (open) and generated the batch; the market closes before it lands.
            backplane.CloseBeforeNextPublish = true;
            await CollectUntilAsync(queue, items, () => StatesOf(items).Contains(MarketState.Closed));
            kit.Hub.SetMarketState(MarketState.Open);
            await CollectUntilAsync(queue, items, () => TicksOf(items.Skip(Reopened(items) + 1)).Count() >= 50);
        }
        finally
        {
            await generator.StopAsync(CancellationToken.None);
        }

        Assert.Empty(TicksOf(items[(Closed(items) + 1)..Reopened(items)]));
        foreach (var symbol in TicksOf(items).GroupBy(t => t.Symbol))
        {
            var seqs = symbol.Select(t => t.Seq).ToList();
            Assert.Equal([.. Enumerable.Range(1, seqs.Count).Select(s => (ulong)s)], seqs);
        }
    }

    private static async Task CollectUntilAsync(SubscriberQueue queue, List<OutboundItem> items, Func<bool> done)
    {
        while (!done())
        {
            await queue.WaitAsync().AsTask().WaitAsync(Patience);
            items.AddRange(StreamingTestKit.Drain(queue));
        }
    }

    private static IEnumerable<Tick> TicksOf(IEnumerable<OutboundItem> items) => items.SelectMany(i => i.Ticks).Select(t => t.Tick);

    private static IEnumerable<MarketState> StatesOf(IEnumerable<OutboundItem> items) =>
        items.Select(i => i.Message).OfType<MarketStatusMessage>().Select(m => m.State);

    private static int Closed(List<OutboundItem> items) => items.FindIndex(i => i.Message is MarketStatusMessage { State: MarketState.Closed });

    /// <summary>Where the reopening after the close was queued (the item count if it was not yet).</summary>
    private static int Reopened(List<OutboundItem> items)
    {
        int index = items.FindIndex(Closed(items) + 1, i => i.Message is MarketStatusMessage { State: MarketState.Open });
        return index < 0 ? items.Count : index;
    }

    /// <summary>The in-process backplane, with a close that can be made to fall between the generator's look at the state and its publish.</summary>
    private sealed class ClosingBackplane(TickHub hub) : ITickBackplane
    {
        private readonly InProcessBackplane _inner = new(hub);

        public volatile bool CloseBeforeNextPublish;

        public bool IsConnected => _inner.IsConnected;

        public MarketState MarketState => _inner.MarketState;

        public Task<GeneratorLease> AcquireGeneratorAsync(CancellationToken cancellationToken) => _inner.AcquireGeneratorAsync(cancellationToken);

        public ValueTask PublishAsync(GeneratorLease lease, TickBatch batch, CancellationToken cancellationToken)
        {
            if (CloseBeforeNextPublish)
            {
                CloseBeforeNextPublish = false;
                hub.SetMarketState(MarketState.Closed);
            }
            return _inner.PublishAsync(lease, batch, cancellationToken);
        }

        public Task SetMarketStateAsync(MarketState state, CancellationToken cancellationToken) => _inner.SetMarketStateAsync(state, cancellationToken);
    }

    private sealed class StartedLifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => new(canceled: true);
        public CancellationToken ApplicationStopping => CancellationToken.None;
        public CancellationToken ApplicationStopped => CancellationToken.None;
        public void StopApplication() { }
    }
}
