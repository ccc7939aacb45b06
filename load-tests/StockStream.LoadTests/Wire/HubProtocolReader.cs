using System.Buffers;
using MessagePack;

namespace StockStream.LoadTests.Wire;

/// <summary>
/// Reads SignalR's MessagePack hub protocol straight off the received bytes, as the other frame readers do: each message
/// is a varint length prefix and a MessagePack array whose first element is the message type. The <c>tick</c>
/// invocations and the quotes a <c>Subscribe</c> returns go to the observer without allocating.
/// </summary>
public static class HubProtocolReader
{
    public const int InvocationType = 1, CompletionType = 3, PingType = 6, CloseType = 7;
    private const int ErrorResult = 1;

    /// <summary>One message read from the front of a buffer.</summary>
    public readonly record struct Message(int Type, int Length, string? Error);

    /// <summary>
    /// Reads the message at the front of <paramref name="buffer"/>; false when it holds only part of one. Ticks of
    /// <c>tick</c> invocations and quotes of a completion go to <paramref name="observer"/>.
    /// </summary>
    public static bool TryRead(ReadOnlyMemory<byte> buffer, IStreamObserver observer, out Message message)
    {
        message = default;
        if (!TryReadLength(buffer.Span, out int length, out int prefix) || buffer.Length < prefix + length) return false;
        var r = new MessagePackReader(buffer.Slice(prefix, length));
        int fields = r.ReadArrayHeader();
        int type = r.ReadInt32();
        string? error = type switch
        {
            InvocationType => ReadInvocation(ref r, observer),
            CompletionType => ReadCompletion(ref r, observer),
            CloseType when fields > 1 => r.TryReadNil() ? null : r.ReadString(),
            _ => null,
        };
        message = new Message(type, prefix + length, error);
        return true;
    }

    private static string? ReadInvocation(ref MessagePackReader r, IStreamObserver observer)
    {
        r.Skip(); // headers
        r.Skip(); // invocation id (nil: no answer expected)
        if (!r.TryReadStringSpan(out var target)) return "invocation target is not a contiguous string";
        if (!target.SequenceEqual("tick"u8)) return null;
        int args = r.ReadArrayHeader();
        if (args != 5) return $"tick with {args} arguments";
        var symbol = MessagePackFrameReader.ReadSymbol(ref r);
        ulong seq = r.ReadUInt64();
        r.Skip(); // price
        r.Skip(); // size
        long time = r.ReadInt64();
        observer.OnTick(symbol, seq, time, conflated: false);
        return null;
    }

    private static string? ReadCompletion(ref MessagePackReader r, IStreamObserver observer)
    {
        r.Skip(); // headers
        r.Skip(); // invocation id
        int kind = r.ReadInt32();
        if (kind == ErrorResult) return r.ReadString();
        if (!r.End && r.NextMessagePackType == MessagePackType.Array) MessagePackFrameReader.ReadQuotes(ref r, observer);
        return null;
    }

    private static bool TryReadLength(ReadOnlySpan<byte> span, out int length, out int prefix)
    {
        length = 0;
        for (prefix = 0; prefix < Math.Min(5, span.Length); prefix++)
        {
            byte b = span[prefix];
            length |= (b & 0x7F) << (7 * prefix);
            if ((b & 0x80) == 0)
            {
                prefix++;
                return true;
            }
        }
        if (prefix == 5) throw new MessagePackSerializationException("A hub message length prefix longer than 5 bytes.");
        return false;
    }

    /// <summary>The handshake a client opens with, in the JSON form every hub protocol begins with.</summary>
    public static ReadOnlyMemory<byte> Handshake { get; } = "{\"protocol\":\"messagepack\",\"version\":1}\u001e"u8.ToArray();

    /// <summary>A ping message, length prefix included.</summary>
    public static ReadOnlyMemory<byte> Ping { get; } = new byte[] { 2, 0x91, PingType };

    /// <summary>An invocation of <paramref name="target"/> with one string-array argument, length-prefixed.</summary>
    public static byte[] Invocation(string invocationId, string target, IReadOnlyList<string> symbols)
    {
        var body = new ArrayBufferWriter<byte>();
        var w = new MessagePackWriter(body);
        w.WriteArrayHeader(6);
        w.Write(InvocationType);
        w.WriteMapHeader(0);
        w.Write(invocationId);
        w.Write(target);
        w.WriteArrayHeader(1);
        w.WriteArrayHeader(symbols.Count);
        foreach (string s in symbols) w.Write(s);
        w.WriteArrayHeader(0); // stream ids
        w.Flush();
        var message = new List<byte>(body.WrittenCount + 5);
        for (uint n = (uint)body.WrittenCount; ; n >>= 7)
        {
            if (n < 0x80) { message.Add((byte)n); break; }
            message.Add((byte)(n | 0x80));
        }
        message.AddRange(body.WrittenSpan);
        return [.. message];
    }
}
