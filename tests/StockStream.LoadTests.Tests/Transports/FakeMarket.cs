using StockStream.Protocol;

namespace StockStream.LoadTests.Tests.Transports;

/// <summary>
/// One symbol, AAPL, that ticks every 5 ms from seq 10 on: every connection sees the same seq with the same due time,
/// as with the real market, so seqs can be compared across connections.
/// </summary>
internal sealed class FakeMarket
{
    public const string Symbol = "AAPL";
    private const ulong FirstSeq = 10;
    private const long IntervalMicros = 5_000;
    private readonly long _startMicros = NowMicros;

    public static long NowMicros => UnixTime.NowMicroseconds();

    /// <summary>The latest seq that has fallen due.</summary>
    public ulong DueSeq => FirstSeq + (ulong)((NowMicros - _startMicros) / IntervalMicros);

    public Tick TickAt(ulong seq) => new(Symbol, seq, 100, 1, _startMicros + (long)(seq - FirstSeq) * IntervalMicros);

    public Quote QuoteAt(ulong seq) => new(Symbol, seq, 100, 99, 101, 98, 1000, TickAt(seq).Time);
}
