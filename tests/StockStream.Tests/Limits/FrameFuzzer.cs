using System.Net.WebSockets;
using System.Text;

namespace StockStream.Tests.Limits;

/// <summary>Random and mutated client frames for one subprotocol, from a seeded generator: the same seed gives the same frames.</summary>
public sealed class FrameFuzzer(Random random, bool json, IReadOnlyList<byte[]> goldenFrames)
{
    private static readonly byte[] MessagePackMarkers = [0xc0, 0xc1, 0xc2, 0xc3, 0xc4, 0xc6, 0xca, 0xcb, 0xcf, 0xd3, 0xd9, 0xdb, 0xdc, 0xdd, 0xde, 0xdf, 0xff, 0x00, 0x7f, 0x80, 0x90, 0x9f];
    private static readonly string[] JsonTokens = ["[", "]", "{", "}", ",", ":", "\"", "null", "true", "-1", "1e400", "18446744073709551616", "\"\\ud800\"", "\"\\u0000\"", "0.5", "\"AAPL\"", "[1,", "{\"AAPL\":"];

    private WebSocketMessageType Type => json ? WebSocketMessageType.Text : WebSocketMessageType.Binary;

    /// <summary>The next frame and a short name of how it was made, for failure messages.</summary>
    public (byte[] Payload, WebSocketMessageType Type, string How) Next()
    {
        int kind = random.Next(100);
        if (kind < 2) return (Golden(), json ? WebSocketMessageType.Binary : WebSocketMessageType.Text, "wrong frame type");
        if (kind < 12) return (RandomBytes(random.Next(0, 64)), Type, "random bytes");
        if (kind < 14) return (RandomBytes(random.Next(4_000, 5_000)), Type, "large random bytes");
        if (kind < 30) return (Truncated(Golden()), Type, "truncated golden frame");
        if (kind < 50) return (BitFlipped(Golden()), Type, "bit-flipped golden frame");
        if (kind < 62) return (Spliced(Golden()), Type, json ? "golden frame with a token spliced in" : "golden frame with a marker spliced in");
        if (kind < 70) return (HugeLength(), Type, "huge length header");
        if (kind < 78) return (DeepNesting(), Type, "deep nesting");
        return (WrongTypes(), Type, "message of wrong field types");
    }

    private byte[] Golden() => (byte[])goldenFrames[random.Next(goldenFrames.Count)].Clone();

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private byte[] Truncated(byte[] frame) => frame[..random.Next(0, frame.Length)];

    private byte[] BitFlipped(byte[] frame)
    {
        for (int flips = random.Next(1, 4); flips > 0 && frame.Length > 0; flips--)
            frame[random.Next(frame.Length)] ^= (byte)(1 << random.Next(8));
        return frame;
    }

    private byte[] Spliced(byte[] frame)
    {
        byte[] insert = json ? Encoding.UTF8.GetBytes(JsonTokens[random.Next(JsonTokens.Length)]) : [MessagePackMarkers[random.Next(MessagePackMarkers.Length)]];
        int at = random.Next(frame.Length + 1);
        bool replace = random.Next(2) == 0 && at + insert.Length <= frame.Length;
        return replace
            ? [.. frame[..at], .. insert, .. frame[(at + insert.Length)..]]
            : [.. frame[..at], .. insert, .. frame[at..]];
    }

    private byte[] HugeLength()
    {
        if (json) return Encoding.UTF8.GetBytes($"[1,{random.Next()},[\"{new string('A', random.Next(13, 3_000))}\"]]");
        byte[][] headers = [[0xc6, 0xff, 0xff, 0xff, 0xff], [0xdb, 0x80, 0x00, 0x00, 0x00], [0xdd, 0xff, 0xff, 0xff, 0xff],
            [0xdf, 0x80, 0x00, 0x00, 0x00], [0xdc, 0xff, 0xff], [0xc5, 0xff, 0xff], [0xda, 0x10, 0x00]];
        byte[] prefix = random.Next(3) switch { 0 => [0x92, 0x03], 1 => [0x93, 0x01, 0x01], _ => [0x94, 0x01, 0x01, 0x91, 0xa4, 0x41, 0x41, 0x50, 0x4c] };
        return [.. prefix, .. headers[random.Next(headers.Length)]];
    }

    private byte[] DeepNesting()
    {
        int depth = random.Next(10, 4_000);
        if (json) return Encoding.UTF8.GetBytes("[1,1," + new string('[', depth) + new string(']', random.Next(2) == 0 ? depth : 0) + "]");
        byte[] frame = new byte[depth + 3];
        frame[0] = 0x93;
        frame[1] = 0x01;
        frame[2] = 0x01;
        Array.Fill(frame, (byte)(random.Next(2) == 0 ? 0x91 : 0x81), 3, depth);
        return frame;
    }

    /// <summary>A message of a known or unknown type whose fields are random values of any type.</summary>
    private byte[] WrongTypes()
    {
        var text = new StringBuilder("[").Append(random.Next(6) switch { 0 => "-1", 1 => "1.5", 2 => "\"1\"", 3 => "4294967296", _ => random.Next(0, 20).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        for (int fields = random.Next(0, 5); fields > 0; fields--) text.Append(',').Append(RandomJsonValue(depth: 0));
        string message = text.Append(']').ToString();
        return json ? Encoding.UTF8.GetBytes(message) : JsonToMessagePack(message);
    }

    private string RandomJsonValue(int depth) => random.Next(depth > 2 ? 8 : 11) switch
    {
        0 => "null",
        1 => "true",
        2 => random.NextInt64(long.MinValue, long.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture),
        3 => "18446744073709551615",
        4 => (random.NextDouble() * 1e6).ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        5 => "\"" + new string((char)random.Next('A', 'Z' + 1), random.Next(0, 20)) + "\"",
        6 => "\"AAPL\"",
        7 => "\"\"",
        8 => "[" + string.Join(',', Enumerable.Range(0, random.Next(0, 4)).Select(_ => RandomJsonValue(depth + 1))) + "]",
        9 => "{" + string.Join(',', Enumerable.Range(0, random.Next(0, 3)).Select(_ => $"\"K{random.Next(3)}\":" + RandomJsonValue(depth + 1))) + "}",
        _ => "[\"AAPL\",\"MSFT\"]",
    };

    private byte[] JsonToMessagePack(string json)
    {
        try
        {
            return MessagePack.MessagePackSerializer.ConvertFromJson(json);
        }
        catch (MessagePack.MessagePackSerializationException)
        {
            // A value the converter cannot write (an integer past 2^64): random bytes keep the sequence deterministic.
            return RandomBytes(json.Length);
        }
    }
}
