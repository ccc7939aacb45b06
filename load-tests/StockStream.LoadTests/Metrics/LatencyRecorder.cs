using HdrHistogram;

namespace StockStream.LoadTests.Metrics;

/// <summary>
/// Records latencies in µs from many threads at once (an HdrHistogram <see cref="Recorder"/>), and collects them
/// into a total and per-interval histograms for the live display and the timeline.
/// </summary>
public sealed class LatencyRecorder
{
    /// <summary>Latencies above 10 minutes are recorded as 10 minutes.</summary>
    public const long HighestMicros = 600_000_000;

    private readonly Recorder _recorder = CreateRecorder();
    private readonly HistogramBase _total = CreateHistogram();
    private HistogramBase? _interval;
    private long _negative;

    /// <summary>Records one latency; a negative one (clock skew) is counted and recorded as 0.</summary>
    public void Record(long micros)
    {
        if (micros < 0)
        {
            Interlocked.Increment(ref _negative);
            micros = 0;
        }
        _recorder.RecordValue(Math.Min(micros, HighestMicros));
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
            _interval = _recorder.GetIntervalHistogram(_interval);
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
