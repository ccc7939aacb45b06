using BenchmarkDotNet.Attributes;
using StockStream.LoadTests.Metrics;
using StockStream.LoadTests.Wire;
using StockStream.Protocol;
using StockStream.Protocol.Messages;

namespace StockStream.Benchmarks;

/// <summary>
/// What the load client spends on a received Ticks frame: reading it, looking up each tick's symbol, checking its seq and
/// recording its age, as one WebSocket receive loop does. The frames are those the peak load sends (1,000 × 10 @ 10,000:
/// about 56 ticks of a client's 10 symbols out of 50); one operation is one tick.
/// </summary>
[MemoryDiagnoser]
public class FrameReadingBenchmarks
{
    private const int TicksPerFrame = 56, Frames = 1_000, SymbolsPerClient = 10;
    private static readonly string[] Market = [.. Enumerable.Range(0, 50).Select(i => $"SYM{i:D2}")];
    private readonly SymbolTable _symbols = new(Market);
    private readonly LatencyRecorder _ages = new();
    private readonly byte[][] _frames = new byte[Frames][];
    private readonly byte[][] _clientSymbols = [.. Market.Skip(20).Take(SymbolsPerClient).Select(s => System.Text.Encoding.ASCII.GetBytes(s))];
    private StreamTracker _tracker = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        long now = UnixTime.NowMicroseconds();
        for (int f = 0; f < Frames; f++)
        {
            // Each symbol's seqs go on from one frame to the next, so every tick is counted and its age recorded.
            var ticks = Enumerable.Range(0, TicksPerFrame)
                .Select(i => new Tick(Market[20 + i % SymbolsPerClient], (ulong)(f * TicksPerFrame + i) / SymbolsPerClient + 1, 187.25 + i, 100 + i, now))
                .ToArray();
            _frames[f] = WireFormat.MessagePack.ToArray(new TicksMessage(ticks, TickFlags.None));
        }
        _tracker = new StreamTracker(_symbols, new MeasurementWindow(), _ages);
    }

    [Benchmark(OperationsPerInvoke = TicksPerFrame)]
    public MessageType ReadFrame()
    {
        if (_next == Frames)
        {
            // The seqs start over: so does the stream.
            _next = 0;
            _tracker = new StreamTracker(_symbols, new MeasurementWindow(), _ages);
        }
        _tracker.BeginFrame(UnixTime.NowMicroseconds());
        return MessagePackFrameReader.Read(_frames[_next++], _tracker);
    }

    [Benchmark(OperationsPerInvoke = SymbolsPerClient)]
    public int LookUpSymbol()
    {
        int sum = 0;
        foreach (var symbol in _clientSymbols) sum += _symbols.IndexOf(symbol);
        return sum;
    }
}
