namespace StockStream.Server.Market;

/// <summary>
/// Geometric Brownian motion per instrument, correlated within a sector through a shared Brownian factor:
/// dW = ρ·dW_sector + √(1−ρ²)·dW_own, S ← S·exp((μ − σ²/2)·dt + σ·dW).
/// </summary>
public sealed class PriceModel
{
    private const double MicrosecondsPerYear = 365.25 * 24 * 3600 * 1e6;

    private readonly IReadOnlyList<Instrument> _instruments;
    private readonly double _timeScale;
    private readonly double _rho;
    private readonly double _ownWeight;
    private readonly double[] _price;
    private readonly long[] _lastTime;
    private readonly double[] _sectorSeen;
    private readonly int[] _sectorOf;
    private readonly double[] _sectorW;
    private readonly long[] _sectorTime;

    /// <param name="startPrices">Where each instrument's price starts, by id; null: the catalog's start prices.</param>
    public PriceModel(InstrumentCatalog catalog, double timeScale, double sectorCorrelation, long startTime, double[]? startPrices = null)
    {
        _instruments = catalog.All;
        _timeScale = timeScale;
        _rho = sectorCorrelation;
        _ownWeight = Math.Sqrt(1 - sectorCorrelation * sectorCorrelation);
        int n = _instruments.Count;
        _price = startPrices ?? [.. _instruments.Select(i => i.StartPrice)];
        _lastTime = [.. Enumerable.Repeat(startTime, n)];
        _sectorSeen = new double[n];
        var sectorIndex = catalog.SectorNames.Select((name, index) => (name, index)).ToDictionary(p => p.name, p => p.index);
        _sectorOf = [.. _instruments.Select(i => sectorIndex[i.Sector])];
        _sectorW = new double[sectorIndex.Count];
        _sectorTime = [.. Enumerable.Repeat(startTime, sectorIndex.Count)];
    }

    /// <summary>The unrounded price of an instrument.</summary>
    public double PriceOf(int id) => _price[id];

    /// <summary>Moves an instrument's price to <paramref name="time"/> (Unix µs) and returns it, unrounded.</summary>
    public double Advance(int id, long time, Random random)
    {
        var instrument = _instruments[id];
        double dt = (time - _lastTime[id]) * _timeScale / MicrosecondsPerYear;
        _lastTime[id] = time;

        int sector = _sectorOf[id];
        double sectorDt = (time - _sectorTime[sector]) * _timeScale / MicrosecondsPerYear;
        if (sectorDt > 0)
        {
            _sectorW[sector] += Math.Sqrt(sectorDt) * Gaussian.Next(random);
            _sectorTime[sector] = time;
        }
        double sectorMove = _sectorW[sector] - _sectorSeen[id];
        _sectorSeen[id] = _sectorW[sector];

        double dW = _rho * sectorMove + _ownWeight * Math.Sqrt(dt) * Gaussian.Next(random);
        double sigma = instrument.Volatility;
        _price[id] *= Math.Exp((instrument.Drift - sigma * sigma / 2) * dt + sigma * dW);
        return _price[id];
    }

    /// <summary>Rounds to the tick size, never below one tick.</summary>
    public static double Round(double price, double tickSize) =>
        Math.Max(tickSize, Math.Round(Math.Round(price / tickSize) * tickSize, 8));
}
