using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using BenchmarkDotNet.Attributes;
using StockStream.Protocol;
using StockStream.Server.Streaming;

namespace StockStream.Benchmarks;

/// <summary>
/// What a frame costs beside its ticks: 100 ticks sent to one connection over a loopback socket (a real send call per
/// frame, a reader draining the other end), in frames of 5 ticks (a 5 ms publish at 1,000 ticks/s per connection)
/// or of 20 (the same ticks gathered over 20 ms).
/// </summary>
[MemoryDiagnoser]
public class WebSocketSendBenchmarks
{
    private const int TicksPerOperation = 100;
    private readonly PooledBufferWriter _buffer = new();
    private EncodedTick[] _ticks = [];
    private Socket _accepted = null!, _client = null!;
    private WebSocket _server = null!;
    private Task _drain = Task.CompletedTask;

    [Params(5, 20)]
    public int TicksPerFrame { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _ticks = [.. Enumerable.Range(0, TicksPerOperation).Select(i => new EncodedTick(new Tick("AAPL", (ulong)i, 187.25, 300, 1_732_370_000_123_456)))];
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen();
        _client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        _client.Connect(listener.LocalEndPoint!);
        _accepted = listener.Accept();
        _accepted.NoDelay = true;
        _server = WebSocket.CreateFromStream(new NetworkStream(_accepted, ownsSocket: false), new WebSocketCreationOptions { IsServer = true });
        _drain = Task.Run(Drain);
    }

    private async Task Drain()
    {
        var scratch = new byte[64 * 1024];
        while (await _client.ReceiveAsync(scratch) > 0) { }
    }

    [Benchmark(Description = "Send 100 ticks over loopback")]
    public async Task<int> Send100Ticks()
    {
        int bytes = 0;
        for (int i = 0; i < TicksPerOperation; i += TicksPerFrame)
        {
            _buffer.Reset();
            WireFormat.MessagePack.WriteTicksFrame(_buffer, _ticks.AsSpan(i, TicksPerFrame), TickFlags.None);
            await _server.SendAsync(_buffer.WrittenMemory, WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);
            bytes += _buffer.WrittenCount;
        }
        return bytes;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _server.Abort();
        _accepted.Dispose();
        _client.Shutdown(SocketShutdown.Both);
        _drain.Wait(TimeSpan.FromSeconds(5));
        _client.Dispose();
        _buffer.Release();
    }
}
