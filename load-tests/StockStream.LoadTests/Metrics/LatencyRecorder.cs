using HdrHistogram;

namespace StockStream.LoadTests.Metrics;

/// <summary>
/// Records latencies in µs from many threads at once, and collects them into a total and per-interval histograms
/// for the live display and the timeline. There is one stripe per processor and a receive loop records into the one of
/// the core it runs on: with a single histogram every tick's counts were written from both cores, and the counters'
/// cache lines bouncing between them was a large part of the client's cost per tick. A frame's ticks are recorded
/// together (<see cref="Record(ReadOnlySpan{long})"/>) under the stripe's lock, in a plain histogram: an atomic
/// increment per tick, as a concurrent histogram makes, cost the client more than reading the tick.
/// </summary>
public sealed class LatencyRecorder
{
    /// <summary>Latencies above 10 minutes are recorded as 10 minutes.</summary>
    public const long HighestMicros = 600_000_000;

    private readonly Stripe[] _stripes = [.. Enumerable.Range(0, Environment.ProcessorCount).Select(_ => new Stripe())];
    private readonly HistogramBase _interval = CreateHistogram();
    private readonly HistogramBase _total = CreateHistogram();
    private long _negative;

    /// <summary>Records one latency; a negative one (clock skew) is counted and recorded as 0.</summary>
    public void Record(long micros) => Record(new ReadOnlySpan<long>(in micros));

    /// <summary>Records several latencies (a frame's ticks) at once; negative ones are counted and recorded as 0.</summary>
    public void Record(ReadOnlySpan<long> micros)
    {
        if (micros.IsEmpty) return;
        var stripe = _stripes[(uint)Thread.GetCurrentProcessorId() % (uint)_stripes.Length];
        int negative = 0;
        lock (stripe.Gate)
        {
            foreach (long value in micros)
            {
                if (value < 0) negative++;
                stripe.Active.RecordValue(Math.Clamp(value, 0, HighestMicros));
            }
        }
        if (negative > 0) Interlocked.Add(ref _negative, negative);
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
            foreach (var stripe in _stripes)
            {
                // Writers go on into the spare while the recorded ones are added up.
                HistogramBase taken;
                lock (stripe.Gate) (taken, stripe.Active) = (stripe.Active, stripe.Spare);
                _interval.Add(taken);
                taken.Reset();
                stripe.Spare = taken;
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

    /// <summary>One processor's histogram, written under its lock, and the spare it is swapped with when an interval is taken.</summary>
    private sealed class Stripe
    {
        public readonly Lock Gate = new();
        public HistogramBase Active = CreateHistogram();
        // Only the interval's taker, holding the recorder's lock, touches the spare.
        public HistogramBase Spare = CreateHistogram();
    }
}
