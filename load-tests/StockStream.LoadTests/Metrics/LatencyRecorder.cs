using HdrHistogram;

namespace StockStream.LoadTests.Metrics;

/// <summary>
/// Records latencies in µs from many threads at once, and collects them into a total and per-interval histograms
/// for the live display and the timeline. There is one HdrHistogram <see cref="Recorder"/> per processor and a
/// receive loop records into the one of the core it runs on: with a single recorder every tick's counts were written
/// from both cores, and the counters' cache lines bouncing between them was a large part of the client's cost per tick.
/// </summary>
public sealed class LatencyRecorder
{
    /// <summary>Latencies above 10 minutes are recorded as 10 minutes.</summary>
    public const long HighestMicros = 600_000_000;

    private readonly Recorder[] _stripes = [.. Enumerable.Range(0, Environment.ProcessorCount).Select(_ => CreateRecorder())];
    private readonly HistogramBase?[] _recycled = new HistogramBase?[Environment.ProcessorCount];
    private readonly HistogramBase _interval = CreateHistogram();
    private readonly HistogramBase _total = CreateHistogram();
    private long _negative;

    /// <summary>Records one latency; a negative one (clock skew) is counted and recorded as 0.</summary>
    public void Record(long micros)
    {
        if (micros < 0)
        {
            Interlocked.Increment(ref _negative);
            micros = 0;
        }
        _stripes[(uint)Thread.GetCurrentProcessorId() % (uint)_stripes.Length].RecordValue(Math.Min(micros, HighestMicros));
    }

    /// <summary>Latencies that came out negative: the clocks of client and server disagree.</summary>
    public long NegativeCount => Interlocked.Read(ref _negative);

    /// <summary>Moves what was recorded since the last call into the total; returns that interval's statistics.</summary>
    public LatencyStats TakeInterval() => TakeInterval(out _);

    /// <summary>The same, with the interval's histogram encoded (<see cref="HistogramCodec"/>), to merge elsewhere.</summary>
    public LatencyStats TakeInterval(out string encodedInterval)
    {
        lock (_total)
        {
            _interval.Reset();
            for (int i = 0; i < _stripes.Length; i++)
            {
                _recycled[i] = _stripes[i].GetIntervalHistogram(_recycled[i]);
                _interval.Add(_recycled[i]);
            }
            _total.Add(_interval);
            encodedInterval = HistogramCodec.Encode(_interval);
            return LatencyStats.From(_interval);
        }
    }

    /// <summary>Everything recorded so far, encoded (<see cref="HistogramCodec"/>).</summary>
    public string EncodeTotal()
    {
        TakeInterval();
        lock (_total) return HistogramCodec.Encode(_total);
    }

    /// <summary>Adds latencies recorded elsewhere (another agent's) to the total.</summary>
    public void Import(HistogramBase histogram, long negative = 0)
    {
        lock (_total) _total.Add(histogram);
        Interlocked.Add(ref _negative, negative);
    }

    /// <summary>Everything recorded so far.</summary>
    public LatencyStats Total()
    {
        TakeInterval();
        lock (_total) return LatencyStats.From(_total);
    }

    private static HistogramBase CreateHistogram() => new LongHistogram(1, HighestMicros, 3);

    private static Recorder CreateRecorder() =>
        new(1, HighestMicros, 3, (id, lowest, highest, digits) => new LongConcurrentHistogram(id, lowest, highest, digits));
}
