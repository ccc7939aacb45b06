using System.Buffers;
using System.Text.Json;
using MessagePack;

namespace StockStream.Protocol;

/// <summary>
/// A tick encoded once in every form the transports send — MessagePack array, JSON array, JSON object —
/// so frames are assembled by copying bytes, never by encoding per connection.
/// </summary>
public class EncodedTick
{
    [ThreadStatic] private static ArrayBufferWriter<byte>? s_scratch;
    [ThreadStatic] private static Utf8JsonWriter? s_json;

    private readonly byte[] _bytes;
    private readonly int _jsonArrayStart;
    private readonly int _jsonObjectStart;

    public EncodedTick(Tick tick)
    {
        Tick = tick;
        var scratch = s_scratch ??= new ArrayBufferWriter<byte>(256);
        scratch.ResetWrittenCount();

        var msgpack = new MessagePackWriter(scratch);
        MessagePackFormat.WriteTick(ref msgpack, tick);
        msgpack.Flush();
        _jsonArrayStart = scratch.WrittenCount;

        var json = s_json ??= new Utf8JsonWriter(scratch);
        json.Reset(scratch);
        JsonFormat.WriteTick(json, tick);
        json.Flush();
        _jsonObjectStart = scratch.WrittenCount;

        json.Reset(scratch);
        JsonFormat.WriteTickObject(json, tick);
        json.Flush();

        _bytes = scratch.WrittenSpan.ToArray();
    }

    public Tick Tick { get; }

    /// <summary><c>[symbol, seq, price, size, time]</c> as MessagePack.</summary>
    public ReadOnlySpan<byte> MessagePack => _bytes.AsSpan(0, _jsonArrayStart);

    /// <summary><c>["AAPL",1,187.25,100,1732370000000000]</c>.</summary>
    public ReadOnlySpan<byte> JsonArray => _bytes.AsSpan(_jsonArrayStart, _jsonObjectStart - _jsonArrayStart);

    /// <summary><c>{"symbol":"AAPL","seq":1,...}</c>, as long polling and SSE serve it.</summary>
    public ReadOnlySpan<byte> JsonObject => _bytes.AsSpan(_jsonObjectStart);
}
