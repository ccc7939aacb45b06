using System.IO.Compression;
using System.Net.WebSockets;
using BenchmarkDotNet.Attributes;
using StockStream.Protocol;
using StockStream.Server.Streaming;

namespace StockStream.Benchmarks;

/// <summary>
/// What permessage-deflate costs the fan-out: one Ticks frame (the next of a random walk over 10 symbols) sent to 100
/// connections, each a real ManagedWebSocket writing into a byte-counting sink (no socket, so only framing and
/// compression are measured). Per connection: plain, deflate with context takeover, deflate without; and what a
/// prepared message would cost — the frame compressed once without context, its bytes copied to every connection.
/// </summary>
[MemoryDiagnoser]
public class DeflateFanOutBenchmarks
{
    private const int Connections = 100;
    private const int Frames = 1_024;
    private readonly PooledBufferWriter _buffer = new();
    private byte[][] _frames = [];
    private WebSocket[] _plain = [], _takeover = [], _noTakeover = [];
    private readonly CountingSink[] _sinks = [.. Enumerable.Range(0, Connections).Select(_ => new CountingSink())];
    private int _next;

    [Params(1, 5)]
    public int TicksPerFrame { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        string[] symbols = [.. Enumerable.Range(0, 10).Select(i => $"SYM{i}")];
        var prices = symbols.Select(_ => 100 + random.NextDouble() * 100).ToArray();
        var seqs = new ulong[symbols.Length];
        long time = 1_732_370_000_000_000;
        _frames = [.. Enumerable.Range(0, Frames).Select(_ =>
        {
            var ticks = Enumerable.Range(0, TicksPerFrame).Select(_ =>
            {
                int s = random.Next(symbols.Length);
                prices[s] = Math.Round(prices[s] + (random.Next(3) - 1) * 0.01, 2);
                time += random.Next(1, 20_000);
                return new EncodedTick(new Tick(symbols[s], ++seqs[s], prices[s], random.Next(1, 50) * 100, time));
            }).ToArray();
            _buffer.Reset();
            WireFormat.MessagePack.WriteTicksFrame(_buffer, ticks, TickFlags.None);
            return _buffer.WrittenMemory.ToArray();
        })];
        _plain = Sockets(null);
        _takeover = Sockets(new WebSocketDeflateOptions { ServerContextTakeover = true });
        _noTakeover = Sockets(new WebSocketDeflateOptions { ServerContextTakeover = false });
        Console.WriteLine($"// {TicksPerFrame} tick(s)/frame, mean wire bytes per frame: payload {_frames.Average(f => f.Length):0.0}, " +
            $"takeover {WireBytes(_takeover):0.0}, no takeover {WireBytes(_noTakeover):0.0}, prepared {_frames.Average(f => Prepare(f).Length + 2):0.0}");
    }

    private WebSocket[] Sockets(WebSocketDeflateOptions? deflate) =>
        [.. _sinks.Select(sink => WebSocket.CreateFromStream(sink, new WebSocketCreationOptions { IsServer = true, DangerousDeflateOptions = deflate }))];

    /// <summary>Mean bytes per frame one connection writes, over every frame of the walk.</summary>
    private double WireBytes(WebSocket[] sockets)
    {
        long before = _sinks[0].Bytes;
        foreach (var frame in _frames) sockets[0].SendAsync(frame.AsMemory(), WebSocketMessageType.Binary, true, CancellationToken.None).AsTask().Wait();
        return (double)(_sinks[0].Bytes - before) / Frames;
    }

    private byte[] NextFrame() => _frames[_next++ & (Frames - 1)];

    [Benchmark(Baseline = true, Description = "plain: frame to 100 connections")]
    public ValueTask Plain() => SendToAll(_plain, NextFrame());

    [Benchmark(Description = "deflate, context takeover, per connection")]
    public ValueTask Takeover() => SendToAll(_takeover, NextFrame());

    [Benchmark(Description = "deflate, no context takeover, per connection")]
    public ValueTask NoTakeover() => SendToAll(_noTakeover, NextFrame());

    [Benchmark(Description = "deflate once, no context, bytes to 100 (prepared)")]
    public void Prepared()
    {
        var compressed = Prepare(NextFrame());
        Span<byte> header = [0xC2, (byte)compressed.Length]; // FIN + RSV1 (compressed) + binary; short payloads only
        foreach (var sink in _sinks)
        {
            sink.Write(header);
            sink.Write(compressed);
        }
    }

    private static async ValueTask SendToAll(WebSocket[] sockets, byte[] frame)
    {
        foreach (var socket in sockets) await socket.SendAsync(frame.AsMemory(), WebSocketMessageType.Binary, true, CancellationToken.None);
    }

    /// <summary>Raw deflate of one message with a sync flush, its trailing 00 00 FF FF removed (RFC 7692 7.2.1).</summary>
    private static byte[] Prepare(byte[] payload)
    {
        using var output = new MemoryStream();
        using (var deflate = new DeflateStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write(payload);
            deflate.Flush();
        }
        var bytes = output.ToArray();
        int end = bytes.AsSpan().LastIndexOf((ReadOnlySpan<byte>)[0x00, 0x00, 0xFF, 0xFF]);
        return bytes[..(end >= 0 ? end : bytes.Length)];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var socket in _plain.Concat(_takeover).Concat(_noTakeover)) socket.Abort();
        _buffer.Release();
    }

    /// <summary>A write-only stream that counts and drops what it is given.</summary>
    private sealed class CountingSink : Stream
    {
        public long Bytes { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Write(ReadOnlySpan<byte> buffer) => Bytes += buffer.Length;
        public override void Write(byte[] buffer, int offset, int count) => Bytes += count;
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Bytes += buffer.Length;
            return ValueTask.CompletedTask;
        }
        public override int Read(byte[] buffer, int offset, int count) => 0;
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            new(Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => 0, TaskScheduler.Default));
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
