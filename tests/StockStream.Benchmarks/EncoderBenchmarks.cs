using BenchmarkDotNet.Attributes;
using MessagePack;
using StockStream.Protocol;
using StockStream.Protocol.Messages;
using StockStream.Server.Streaming;

namespace StockStream.Benchmarks;

/// <summary>
/// What encoding costs: a tick encoded once into all three forms, versus the frame a connection sends. The
/// per-connection frame is assembled from the encoded bytes; the baseline re-encodes the ticks for every frame.
/// </summary>
[MemoryDiagnoser]
public class EncoderBenchmarks
{
    private readonly Tick _tick = new("AAPL", 123_456, 187.25, 300, 1_732_370_000_123_456);
    private EncodedTick[] _encoded = [];
    private TicksMessage _message = null!;
    private readonly PooledBufferWriter _buffer = new();

    [Params(10)]
    public int TicksPerFrame { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var ticks = Enumerable.Range(0, TicksPerFrame).Select(i => _tick with { Seq = (ulong)i }).ToArray();
        _encoded = [.. ticks.Select(t => new EncodedTick(t))];
        _message = new TicksMessage(ticks, TickFlags.None);
    }

    [Benchmark(Description = "Encode one tick (MessagePack + JSON array + JSON object)")]
    public EncodedTick EncodeOnce() => new(_tick);

    [Benchmark(Baseline = true, Description = "Ticks frame from encoded ticks (MessagePack)")]
    public int FrameFromEncodedBytes()
    {
        _buffer.Reset();
        WireFormat.MessagePack.WriteTicksFrame(_buffer, _encoded, TickFlags.None);
        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "Ticks frame from encoded ticks (JSON)")]
    public int JsonFrameFromEncodedBytes()
    {
        _buffer.Reset();
        WireFormat.Json.WriteTicksFrame(_buffer, _encoded, TickFlags.None);
        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "Ticks frame re-encoded per connection (MessagePack)")]
    public int FrameReEncoded()
    {
        _buffer.Reset();
        WireFormat.MessagePack.Write(_buffer, _message);
        return _buffer.WrittenCount;
    }
}
