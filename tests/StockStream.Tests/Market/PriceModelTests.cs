using StockStream.Server.Market;

namespace StockStream.Tests.Market;

public class PriceModelTests
{
    private static readonly InstrumentCatalog Catalog = new(count: 20, seed: 7);

    [Fact]
    public void LogReturnsHaveTheModelsMeanAndVariance()
    {
        // Equal steps of one simulated day: log returns are i.i.d. N((μ − σ²/2)·dt, σ²·dt).
        const int steps = 20_000;
        const double timeScale = 1.0;
        long stepMicroseconds = 86_400_000_000;
        var model = new PriceModel(Catalog, timeScale, sectorCorrelation: 0.5, startTime: 0);
        var random = new Random(1);
        var instrument = Catalog.All[3];
        double dt = stepMicroseconds / (365.25 * 24 * 3600 * 1e6);
        var returns = new double[steps];
        double previous = model.PriceOf(instrument.Id);
        for (int i = 1; i <= steps; i++)
        {
            double price = model.Advance(instrument.Id, i * stepMicroseconds, random);
            returns[i - 1] = Math.Log(price / previous);
            previous = price;
        }
        double mean = returns.Average();
        double variance = returns.Select(r => (r - mean) * (r - mean)).Sum() / (steps - 1);
        double sigma = instrument.Volatility;
        double expectedVariance = sigma * sigma * dt;
        double expectedMean = (instrument.Drift - sigma * sigma / 2) * dt;
        // Five standard errors: fails for a wrong model, not for an unlucky seed.
        Assert.InRange(mean, expectedMean - 5 * Math.Sqrt(expectedVariance / steps), expectedMean + 5 * Math.Sqrt(expectedVariance / steps));
        Assert.InRange(variance, expectedVariance * (1 - 5 * Math.Sqrt(2.0 / steps)), expectedVariance * (1 + 5 * Math.Sqrt(2.0 / steps)));
    }

    [Fact]
    public void InstrumentsOfOneSectorMoveTogether()
    {
        var catalog = new InstrumentCatalog(200, 3);
        var pair = catalog.All.GroupBy(i => i.Sector).First(g => g.Count() >= 2).Take(2).ToArray();
        var model = new PriceModel(catalog, 1.0, sectorCorrelation: 0.8, startTime: 0);
        var random = new Random(5);
        var a = new List<double>();
        var b = new List<double>();
        double pa = model.PriceOf(pair[0].Id), pb = model.PriceOf(pair[1].Id);
        for (int i = 1; i <= 5_000; i++)
        {
            long t = i * 3_600_000_000L;
            double na = model.Advance(pair[0].Id, t, random), nb = model.Advance(pair[1].Id, t, random);
            a.Add(Math.Log(na / pa));
            b.Add(Math.Log(nb / pb));
            (pa, pb) = (na, nb);
        }
        Assert.InRange(Correlation(a, b), 0.5, 0.75);
    }

    [Theory]
    [InlineData(187.254999, 0.01, 187.25)]
    [InlineData(187.255001, 0.01, 187.26)]
    [InlineData(0.0001, 0.01, 0.01)]
    [InlineData(12.3456, 0.05, 12.35)]
    public void RoundsToTheTickSizeAndNeverBelowOneTick(double price, double tickSize, double expected) =>
        Assert.Equal(expected, PriceModel.Round(price, tickSize));

    private static double Correlation(List<double> x, List<double> y)
    {
        double mx = x.Average(), my = y.Average();
        double cov = x.Zip(y).Sum(p => (p.First - mx) * (p.Second - my));
        return cov / Math.Sqrt(x.Sum(v => (v - mx) * (v - mx)) * y.Sum(v => (v - my) * (v - my)));
    }
}
