using StockStream.Protocol;

namespace StockStream.Server.Market;

/// <summary>
/// The deterministic heart of the market: Poisson trade arrivals per instrument (busy and quiet ones) and
/// their prices. Given the same seed and start time it yields the same ticks, however it is polled.
/// </summary>
public sealed class TickSimulator
{
    private readonly InstrumentCatalog _catalog;
    private readonly double _tickSize;
    private readonly double[] _ratePerMicrosecond;
    private readonly ulong[] _seq;
    private readonly Random _random;
    private readonly PriorityQueue<int, (long Due, int Id)> _due = new();
    private readonly PriceModel _prices;

    /// <param name="resumeFrom">
    /// The last quote of every instrument, by id, when taking over a running market: seqs and prices continue from
    /// them. Null starts the market afresh.
    /// </param>
    public TickSimulator(InstrumentCatalog catalog, MarketOptions options, long startTime, IReadOnlyList<Quote>? resumeFrom = null)
    {
        _catalog = catalog;
        _tickSize = options.TickSize;
        // A takeover draws its own random path, still reproducible from the seed and where it took over.
        _random = new Random(resumeFrom is null ? options.Seed : unchecked(options.Seed + (int)resumeFrom.Sum(q => (long)q.Seq)));
        double totalActivity = catalog.All.Sum(i => i.Activity);
        _ratePerMicrosecond = [.. catalog.All.Select(i => options.TicksPerSecond * i.Activity / totalActivity / 1e6)];
        _seq = resumeFrom is null ? new ulong[catalog.Count] : [.. resumeFrom.Select(q => q.Seq)];
        _prices = new PriceModel(catalog, options.TimeScale, options.SectorCorrelation, startTime, resumeFrom?.Select(q => q.Price).ToArray());
        ScheduleAll(startTime);
    }

    /// <summary>Appends every tick due at or before <paramref name="now"/> (Unix µs), in time order.</summary>
    public void GenerateUntil(long now, List<Tick> output)
    {
        while (_due.TryPeek(out int id, out var key) && key.Due <= now)
        {
            _due.Dequeue();
            output.Add(NextTick(id, key.Due));
            _due.Enqueue(id, (key.Due + NextGap(id), id));
        }
    }

    /// <summary>When the next tick falls due (Unix µs).</summary>
    public long NextDue => _due.TryPeek(out _, out var key) ? key.Due : long.MaxValue;

    /// <summary>Restarts arrivals from <paramref name="now"/>, e.g. when the market reopens: no burst of missed trades.</summary>
    public void ScheduleAll(long now)
    {
        _due.Clear();
        for (int id = 0; id < _catalog.Count; id++) _due.Enqueue(id, (now + NextGap(id), id));
    }

    private Tick NextTick(int id, long time)
    {
        double price = PriceModel.Round(_prices.Advance(id, time, _random), _tickSize);
        // Trade sizes are log-normal around a few hundred shares, as in real tapes.
        long size = Math.Max(1, (long)Math.Round(Math.Exp(4.5 + 1.2 * Gaussian.Next(_random))));
        return new Tick(_catalog.All[id].Symbol, ++_seq[id], price, size, time);
    }

    private long NextGap(int id) =>
        Math.Max(1, (long)(-Math.Log(1.0 - _random.NextDouble()) / _ratePerMicrosecond[id]));
}
