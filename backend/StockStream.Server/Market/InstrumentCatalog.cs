using Bogus;

namespace StockStream.Server.Market;

/// <summary>The instruments of the market, generated with Bogus from a fixed seed.</summary>
public sealed class InstrumentCatalog
{
    private static readonly string[] Sectors =
    [
        "Technology", "Health Care", "Financials", "Energy", "Industrials", "Consumer Discretionary",
        "Consumer Staples", "Materials", "Utilities", "Real Estate", "Communication Services",
    ];

    private static readonly (string Exchange, string Currency, double Weight)[] Exchanges =
    [
        ("NASDAQ", "USD", 0.4), ("NYSE", "USD", 0.35), ("LSE", "GBP", 0.1), ("XETRA", "EUR", 0.1), ("TSE", "JPY", 0.05),
    ];

    public InstrumentCatalog(int count, int seed)
    {
        var faker = new Faker { Random = new Randomizer(seed) };
        var used = new HashSet<string>(StringComparer.Ordinal);
        var instruments = new Instrument[count];
        for (int id = 0; id < count; id++)
        {
            string name = faker.Company.CompanyName();
            string symbol = UniqueTicker(faker.Random, name, used);
            var (exchange, currency, _) = faker.Random.WeightedRandom(Exchanges, [.. Exchanges.Select(e => (float)e.Weight)]);
            // Log-normal start prices: most between 10 and 300, a few penny stocks and a few above 1,000.
            double price = Math.Round(Math.Exp(faker.Random.Double(1.5, 7)), 2);
            instruments[id] = new Instrument(
                id, symbol, name, faker.PickRandom(Sectors), exchange, currency, price,
                Drift: faker.Random.Double(-0.1, 0.2),
                Volatility: faker.Random.Double(0.15, 0.8),
                Activity: Math.Exp(faker.Random.Double(-1.5, 1.5)));
        }
        All = instruments;
        SectorNames = [.. instruments.Select(i => i.Sector).Distinct().Order(StringComparer.Ordinal)];
    }

    public IReadOnlyList<Instrument> All { get; }

    public IReadOnlyList<string> SectorNames { get; }

    public int Count => All.Count;

    /// <summary>A ticker built from the company's initials, as real listings mostly are, made unique with extra letters.</summary>
    private static string UniqueTicker(Randomizer random, string name, HashSet<string> used)
    {
        var letters = new string([.. name.Where(char.IsLetter).Select(char.ToUpperInvariant)]);
        string initials = new([.. name.Split(' ', '-', ',').Where(w => w.Length > 0 && char.IsLetter(w[0])).Select(w => char.ToUpperInvariant(w[0]))]);
        string candidate = initials.Length >= 2 ? initials[..Math.Min(4, initials.Length)] : letters[..Math.Min(4, letters.Length)];
        while (candidate.Length < 2 || !used.Add(candidate))
        {
            candidate = candidate.Length < 5
                ? candidate + random.Char('A', 'Z')
                : random.String2(random.Int(2, 5), "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
        }
        return candidate;
    }
}
