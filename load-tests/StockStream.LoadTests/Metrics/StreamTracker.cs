using StockStream.LoadTests.Wire;

namespace StockStream.LoadTests.Metrics;

/// <summary>
/// One connection's view of the stream: records each tick's age at receipt and checks, per symbol, that seqs arrive
/// contiguously (a jump is a gap unless the frame says it was conflated). Used by one receive loop at a time.
/// </summary>
public sealed class StreamTracker(SymbolTable symbols, MeasurementWindow window, LatencyRecorder tickAge) : IStreamObserver
{
    private readonly bool[] _tracked = new bool[symbols.Count];
    private readonly ulong[] _baseSeq = new ulong[symbols.Count];
    private readonly ulong[] _lastSeq = new ulong[symbols.Count];
    private readonly long[] _received = new long[symbols.Count];
    // The ages of the frame being read, recorded together by EndFrame (or by the next BeginFrame, when reading a frame threw).
    private readonly long[] _ages = new long[512];
    private int _agesCount;
    private long _receivedAtMicros;

    public long Ticks { get; private set; }
    /// <summary>Seqs skipped without the conflated flag: ticks lost in the middle of the stream.</summary>
    public long GapTicks { get; private set; }
    public long GapEvents { get; private set; }
    /// <summary>Seqs skipped in frames flagged conflated (or poll answers flagged missed).</summary>
    public long ConflatedTicks { get; private set; }
    /// <summary>Seqs a fresh quote jumped over: the server could no longer resume the stream.</summary>
    public long ResyncedTicks { get; private set; }
    /// <summary>Ticks that repeated or went back in seq: a broken ordering promise.</summary>
    public long OutOfOrder { get; private set; }
    public long UnknownSymbols { get; private set; }
    /// <summary>The session ended before the measurement window: its expected ticks end at its own last seq.</summary>
    public bool EndedEarly { get; set; }

    /// <summary>Sets the receive time, in µs on the client clock, of the frame about to be read.</summary>
    public void BeginFrame(long receivedAtMicros)
    {
        RecordAges();
        _receivedAtMicros = receivedAtMicros + window.ClockOffsetMicros;
        FrameConflated = false;
    }

    /// <summary>Records the ages of the frame's ticks, all at once; call it when the frame has been read.</summary>
    public void EndFrame() => RecordAges();

    /// <summary>Whether the frame being read carried the conflated (or missed) flag.</summary>
    public bool FrameConflated { get; private set; }

    public void OnQuote(ReadOnlySpan<byte> symbol, ulong seq)
    {
        int i = symbols.IndexOf(symbol);
        if (i < 0) { UnknownSymbols++; return; }
        if (!_tracked[i])
        {
            _tracked[i] = true;
            _baseSeq[i] = _lastSeq[i] = seq;
        }
        else if (seq > _lastSeq[i])
        {
            ResyncedTicks += (long)(seq - _lastSeq[i]);
            _lastSeq[i] = seq;
        }
    }

    public void OnTick(ReadOnlySpan<byte> symbol, ulong seq, long timeMicros, bool conflated)
    {
        int i = symbols.IndexOf(symbol);
        if (i < 0) { UnknownSymbols++; return; }
        FrameConflated |= conflated;
        if (timeMicros > window.CutoffMicros) return;
        if (timeMicros < window.StartMicros)
        {
            // Warming up: the stream counts from the last tick before the window opens.
            if (!_tracked[i] || seq > _lastSeq[i]) _baseSeq[i] = _lastSeq[i] = seq;
            _tracked[i] = true;
            return;
        }
        if (!_tracked[i])
        {
            _tracked[i] = true;
            _baseSeq[i] = _lastSeq[i] = seq - 1;
        }

        ulong next = _lastSeq[i] + 1;
        if (seq < next) { OutOfOrder++; return; }
        if (seq > next)
        {
            long skipped = (long)(seq - next);
            if (conflated) ConflatedTicks += skipped;
            else { GapTicks += skipped; GapEvents++; }
        }
        _lastSeq[i] = seq;
        _received[i]++;
        Ticks++;
        if (_agesCount == _ages.Length) RecordAges();
        _ages[_agesCount++] = _receivedAtMicros - timeMicros;
    }

    private void RecordAges()
    {
        tickAge.Record(_ages.AsSpan(0, _agesCount));
        _agesCount = 0;
    }

    /// <summary>The last seq of each symbol this stream has seen: where a reconnect resumes it.</summary>
    public Dictionary<string, ulong> ResumePoints()
    {
        var points = new Dictionary<string, ulong>(StringComparer.Ordinal);
        for (int i = 0; i < _tracked.Length; i++)
        {
            if (_tracked[i]) points[symbols.Symbols[i]] = _lastSeq[i];
        }
        return points;
    }

    /// <summary>Adds this stream into <paramref name="tally"/>: per symbol its base and last seq, and its counts.</summary>
    public void CountInto(DeliveryTally tally)
    {
        for (int i = 0; i < _tracked.Length; i++)
        {
            if (!_tracked[i]) continue;
            if (_lastSeq[i] > tally.LastSeq[i]) tally.LastSeq[i] = _lastSeq[i];
            if (_baseSeq[i] < tally.FirstBase[i]) tally.FirstBase[i] = _baseSeq[i];
            if (EndedEarly) tally.EndedExpected += (long)(_lastSeq[i] - _baseSeq[i]);
            else
            {
                tally.OpenStreams[i]++;
                tally.OpenBaseSum[i] += (long)_baseSeq[i];
            }
        }
        tally.Delivered += _received.Sum();
        tally.GapTicks += GapTicks;
        tally.GapEvents += GapEvents;
        tally.ConflatedTicks += ConflatedTicks;
        tally.ResyncedTicks += ResyncedTicks;
        tally.OutOfOrder += OutOfOrder;
        tally.UnknownSymbols += UnknownSymbols;
    }

    /// <summary>Ticks this connection should have received up to the server's last seqs, and those it did.</summary>
    public (long Expected, long Delivered) Delivery(ulong[] serverLastSeqs)
    {
        long expected = 0, delivered = 0;
        for (int i = 0; i < _tracked.Length; i++)
        {
            if (!_tracked[i]) continue;
            ulong last = EndedEarly ? _lastSeq[i] : Math.Max(serverLastSeqs[i], _lastSeq[i]);
            expected += (long)(last - _baseSeq[i]);
            delivered += _received[i];
        }
        return (expected, delivered);
    }
}
