namespace StockStream.LoadTests.Metrics;

/// <summary>
/// The sums of many streams' seq bookkeeping, per symbol, that add together (across agents) before the expected ticks are known:
/// a stream still open at the end is expected to reach the highest seq any stream saw, which only the merged tally knows.
/// </summary>
public sealed class DeliveryTally
{
    /// <summary>Per symbol: streams that ran to the end of the window.</summary>
    public long[] OpenStreams { get; init; } = [];
    /// <summary>Per symbol: the sum of those streams' base seqs.</summary>
    public long[] OpenBaseSum { get; init; } = [];
    /// <summary>Per symbol: the highest seq any stream saw.</summary>
    public ulong[] LastSeq { get; init; } = [];
    /// <summary>Per symbol: the lowest base seq of any stream (ulong.MaxValue for none).</summary>
    public ulong[] FirstBase { get; init; } = [];
    /// <summary>Ticks expected by the streams that ended early (up to their own last seqs).</summary>
    public long EndedExpected { get; set; }
    public long Delivered { get; set; }
    public long GapTicks { get; set; }
    public long GapEvents { get; set; }
    public long ConflatedTicks { get; set; }
    public long ResyncedTicks { get; set; }
    public long OutOfOrder { get; set; }
    public long UnknownSymbols { get; set; }

    public static DeliveryTally Empty(int symbols)
    {
        var first = new ulong[symbols];
        Array.Fill(first, ulong.MaxValue);
        return new DeliveryTally { OpenStreams = new long[symbols], OpenBaseSum = new long[symbols], LastSeq = new ulong[symbols], FirstBase = first };
    }

    public static DeliveryTally Of(IEnumerable<StreamTracker> trackers, int symbols)
    {
        var tally = Empty(symbols);
        foreach (var tracker in trackers) tracker.CountInto(tally);
        return tally;
    }

    /// <summary>Adds <paramref name="other"/> into this one, as if all their streams had been counted together.</summary>
    public DeliveryTally Add(DeliveryTally other)
    {
        EndedExpected += other.EndedExpected;
        Delivered += other.Delivered;
        GapTicks += other.GapTicks;
        GapEvents += other.GapEvents;
        ConflatedTicks += other.ConflatedTicks;
        ResyncedTicks += other.ResyncedTicks;
        OutOfOrder += other.OutOfOrder;
        UnknownSymbols += other.UnknownSymbols;
        for (int i = 0; i < OpenStreams.Length; i++)
        {
            OpenStreams[i] += other.OpenStreams[i];
            OpenBaseSum[i] += other.OpenBaseSum[i];
            LastSeq[i] = Math.Max(LastSeq[i], other.LastSeq[i]);
            FirstBase[i] = Math.Min(FirstBase[i], other.FirstBase[i]);
        }
        return this;
    }

    public DeliveryStats ToStats(long conflatedFrames)
    {
        long expected = EndedExpected, serverTicks = 0;
        for (int i = 0; i < OpenStreams.Length; i++)
        {
            expected += OpenStreams[i] * (long)LastSeq[i] - OpenBaseSum[i];
            if (FirstBase[i] != ulong.MaxValue && LastSeq[i] > FirstBase[i]) serverTicks += (long)(LastSeq[i] - FirstBase[i]);
        }
        return new DeliveryStats(expected, Delivered, GapTicks, GapEvents, ConflatedTicks, ResyncedTicks, OutOfOrder, conflatedFrames, serverTicks, UnknownSymbols);
    }
}
