using StockStream.Protocol;
using StockStream.Server.Market;

namespace StockStream.Tests.Market;

public class TickSimulatorTests
{
    private static readonly MarketOptions Options = new() { Symbols = 30, Seed = 11, TicksPerSecond = 1_000 };

    [Fact]
    public void SameSeedReproducesTheSameTicksHoweverTheyArePolled()
    {
        var catalog = new InstrumentCatalog(Options.Symbols, Options.Seed);
        var inOneGo = new List<Tick>();
        new TickSimulator(catalog, Options, startTime: 0).GenerateUntil(5_000_000, inOneGo);

        var inSteps = new List<Tick>();
        var stepped = new TickSimulator(new InstrumentCatalog(Options.Symbols, Options.Seed), Options, startTime: 0);
        for (long t = 1_234; t < 5_000_000; t += 1_234) stepped.GenerateUntil(t, inSteps);
        stepped.GenerateUntil(5_000_000, inSteps);

        Assert.True(inOneGo.Count > 1_000);
        Assert.Equal(inOneGo, inSteps);
    }

    [Fact]
    public void NextDueIsTheTimeOfTheTickThatComesNext()
    {
        var simulator = new TickSimulator(new InstrumentCatalog(Options.Symbols, Options.Seed), Options, startTime: 0);
        var ticks = new List<Tick>();
        for (int i = 0; i < 100; i++)
        {
            long due = simulator.NextDue;
            simulator.GenerateUntil(due - 1, ticks);
            Assert.Empty(ticks);
            simulator.GenerateUntil(due, ticks);
            Assert.Equal(due, ticks[0].Time);
            ticks.Clear();
        }
    }

    [Fact]
    public void SeqsStartAtOneAndAreContiguousPerSymbolAndTimesAreOrdered()
    {
        var ticks = new List<Tick>();
        new TickSimulator(new InstrumentCatalog(Options.Symbols, Options.Seed), Options, 0).GenerateUntil(10_000_000, ticks);
        foreach (var bySymbol in ticks.GroupBy(t => t.Symbol))
            Assert.Equal(Enumerable.Range(1, bySymbol.Count()).Select(i => (ulong)i), bySymbol.Select(t => t.Seq));
        Assert.True(ticks.Zip(ticks.Skip(1)).All(p => p.First.Time <= p.Second.Time));
        Assert.All(ticks, t => Assert.True(t.Size > 0 && t.Price >= Options.TickSize));
        Assert.All(ticks, t => Assert.Equal(Math.Round(t.Price, 2), t.Price));
    }

    [Fact]
    public void GeneratesTheConfiguredRateWithBusyAndQuietSymbols()
    {
        var ticks = new List<Tick>();
        new TickSimulator(new InstrumentCatalog(Options.Symbols, Options.Seed), Options, 0).GenerateUntil(20_000_000, ticks);
        // Poisson count over 20 s at 1,000/s: mean 20,000, standard deviation ≈ 141.
        Assert.InRange(ticks.Count, 19_300, 20_700);
        var perSymbol = ticks.CountBy(t => t.Symbol).Select(p => p.Value).Order().ToArray();
        Assert.True(perSymbol[^1] > 4 * perSymbol[0], "the busiest symbol should trade far more than the quietest");
    }

    [Fact]
    public void CatalogIsReproducibleWithUniqueValidTickers()
    {
        var a = new InstrumentCatalog(5_000, 42);
        var b = new InstrumentCatalog(5_000, 42);
        Assert.Equal(a.All, b.All);
        Assert.Equal(5_000, a.All.Select(i => i.Symbol).Distinct().Count());
        Assert.All(a.All, i => Assert.True(SymbolName.IsValid(i.Symbol), i.Symbol));
        Assert.All(a.All, i => Assert.False(string.IsNullOrWhiteSpace(i.Name)));
        Assert.True(a.All.Select(i => i.Sector).Distinct().Count() >= 5);
        Assert.NotEqual(a.All.Select(i => i.Symbol), new InstrumentCatalog(5_000, 43).All.Select(i => i.Symbol));
    }

    [Fact]
    public void ATakeoverContinuesEachSymbolsSeqAndPriceFromItsLastQuote()
    {
        var catalog = new InstrumentCatalog(Options.Symbols, Options.Seed);
        var before = new List<Tick>();
        new TickSimulator(catalog, Options, 0).GenerateUntil(2_000_000, before);
        var last = catalog.All.Select(i => before.Last(t => t.Symbol == i.Symbol))
            .Select(t => new Quote(t.Symbol, t.Seq, t.Price, t.Price, t.Price, t.Price, 0, t.Time)).ToArray();

        var after = new List<Tick>();
        new TickSimulator(catalog, Options, 2_000_000, last).GenerateUntil(4_000_000, after);

        foreach (var quote in last)
        {
            var next = after.First(t => t.Symbol == quote.Symbol);
            Assert.Equal(quote.Seq + 1, next.Seq);
            // One step of the random walk from the last price, not a jump back to the catalog's start price.
            Assert.InRange(next.Price, quote.Price * 0.9, quote.Price * 1.1);
        }
    }
}
