using System.Buffers;
using MessagePack;
using StockStream.Protocol.Messages;

namespace StockStream.Protocol;

public sealed partial class MessagePackFormat
{
    // Client frames are untrusted: nesting depth and hash-flooding are bounded by MessagePack's own guard.
    private static readonly MessagePackSecurity Security = MessagePackSecurity.UntrustedData.WithMaximumObjectGraphDepth(32);

    public override ClientMessage ReadClientMessage(ReadOnlyMemory<byte> frame)
    {
        var r = new MessagePackReader(frame);
        try
        {
            int count = ReadMessageHeader(ref r);
            var type = (MessageType)r.ReadInt32();
            ClientMessage message = type switch
            {
                MessageType.Subscribe when count is 3 or 4 => new SubscribeMessage(
                    r.ReadUInt32(), ReadStrings(ref r), count == 4 && !r.TryReadNil() ? ReadResume(ref r) : null),
                MessageType.Unsubscribe when count == 3 => new UnsubscribeMessage(r.ReadUInt32(), ReadStrings(ref r)),
                MessageType.Ping when count == 2 => new PingMessage(ReadOpaque(ref r)),
                MessageType.Subscribe or MessageType.Unsubscribe or MessageType.Ping =>
                    throw ProtocolException.Malformed($"{type} has the wrong number of fields ({count})."),
                _ => throw new ProtocolException(ErrorCodes.UnknownMessageType, $"Unknown message type {(int)type}."),
            };
            if (!r.End) throw ProtocolException.Malformed("Trailing bytes after the message.");
            return message;
        }
        catch (Exception e) when (e is MessagePackSerializationException or EndOfStreamException or OverflowException or InsufficientExecutionStackException)
        {
            throw ProtocolException.Malformed("Not a valid MessagePack message of the expected shape.", e);
        }
    }

    public override ServerMessage ReadServerMessage(ReadOnlyMemory<byte> frame)
    {
        var r = new MessagePackReader(frame);
        try
        {
            ReadMessageHeader(ref r);
            return (MessageType)r.ReadInt32() switch
            {
                MessageType.Hello => new HelloMessage(r.ReadInt32(), r.ReadString()!, r.ReadInt64(), r.ReadInt32(), r.ReadInt32(), r.ReadString()!),
                MessageType.SubAck => new SubAckMessage(r.ReadUInt32(), ReadStrings(ref r), ReadRejections(ref r)),
                MessageType.Snapshot => new SnapshotMessage(ReadQuotes(ref r)),
                MessageType.Ticks => new TicksMessage(ReadTicks(ref r), (TickFlags)r.ReadInt32()),
                MessageType.Pong => new PongMessage(ReadOpaque(ref r), r.ReadInt64()),
                MessageType.Error => new ErrorMessage(r.ReadInt32(), r.ReadString()!, r.TryReadNil() ? null : r.ReadUInt32()),
                MessageType.MarketStatus => new MarketStatusMessage(ReadMarketState(r.ReadString()), r.ReadInt64()),
                var other => throw new ProtocolException(ErrorCodes.UnknownMessageType, $"Unknown message type {(int)other}."),
            };
        }
        catch (Exception e) when (e is MessagePackSerializationException or EndOfStreamException or OverflowException)
        {
            throw ProtocolException.Malformed("Not a valid MessagePack server message.", e);
        }
    }

    public override double? ReadNumber(ReadOnlyMemory<byte> rawValue)
    {
        var r = new MessagePackReader(rawValue);
        return r.NextMessagePackType switch
        {
            MessagePackType.Float => r.ReadDouble(),
            MessagePackType.Integer => r.ReadDouble(),
            _ => null,
        };
    }

    /// <summary>Reads the array header and checks that the first element is an integer message type.</summary>
    private static int ReadMessageHeader(ref MessagePackReader r)
    {
        if (r.NextMessagePackType != MessagePackType.Array) throw ProtocolException.Malformed("A message must be a MessagePack array.");
        int count = r.ReadArrayHeader();
        if (count == 0 || r.NextMessagePackType != MessagePackType.Integer)
            throw ProtocolException.Malformed("A message must start with an integer message type.");
        return count;
    }

    private static string[] ReadStrings(ref MessagePackReader r)
    {
        int count = r.ReadArrayHeader();
        var values = new string[count];
        for (int i = 0; i < count; i++)
        {
            if (r.NextMessagePackType != MessagePackType.String) throw ProtocolException.Malformed("Symbols must be strings.");
            values[i] = r.ReadString()!;
        }
        return values;
    }

    private static Dictionary<string, ulong> ReadResume(ref MessagePackReader r)
    {
        int count = r.ReadMapHeader();
        var resume = new Dictionary<string, ulong>(count, Security.GetEqualityComparer<string>());
        for (int i = 0; i < count; i++)
        {
            if (r.NextMessagePackType != MessagePackType.String) throw ProtocolException.Malformed("Resume keys must be symbols.");
            string symbol = r.ReadString()!;
            resume[symbol] = r.ReadUInt64();
        }
        return resume;
    }

    /// <summary>Copies one whole value (whatever its type) so it can be echoed byte for byte.</summary>
    private static byte[] ReadOpaque(ref MessagePackReader r)
    {
        var start = r.Position;
        SkipBounded(ref r);
        return r.Sequence.Slice(start, r.Position).ToArray();
    }

    // MessagePackReader.Skip recurses without a depth limit; a 4 KiB frame of nested arrays could exhaust the stack.
    private static void SkipBounded(ref MessagePackReader r)
    {
        switch (r.NextMessagePackType)
        {
            case MessagePackType.Array:
                Security.DepthStep(ref r);
                for (int i = r.ReadArrayHeader(); i > 0; i--) SkipBounded(ref r);
                r.Depth--;
                break;
            case MessagePackType.Map:
                Security.DepthStep(ref r);
                for (int i = r.ReadMapHeader(); i > 0; i--)
                {
                    SkipBounded(ref r);
                    SkipBounded(ref r);
                }
                r.Depth--;
                break;
            default:
                r.Skip();
                break;
        }
    }

    private static SymbolRejection[] ReadRejections(ref MessagePackReader r)
    {
        var rejections = new SymbolRejection[r.ReadArrayHeader()];
        for (int i = 0; i < rejections.Length; i++)
        {
            r.ReadArrayHeader();
            rejections[i] = new SymbolRejection(r.ReadString()!, r.ReadString()!);
        }
        return rejections;
    }

    private static Quote[] ReadQuotes(ref MessagePackReader r)
    {
        var quotes = new Quote[r.ReadArrayHeader()];
        for (int i = 0; i < quotes.Length; i++)
        {
            r.ReadArrayHeader();
            quotes[i] = new Quote(r.ReadString()!, r.ReadUInt64(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadInt64(), r.ReadInt64());
        }
        return quotes;
    }

    private static Tick[] ReadTicks(ref MessagePackReader r)
    {
        var ticks = new Tick[r.ReadArrayHeader()];
        for (int i = 0; i < ticks.Length; i++)
        {
            r.ReadArrayHeader();
            ticks[i] = new Tick(r.ReadString()!, r.ReadUInt64(), r.ReadDouble(), r.ReadInt64(), r.ReadInt64());
        }
        return ticks;
    }

    private static MarketState ReadMarketState(string? name) =>
        MarketStateNames.TryParse(name, out var state) ? state : throw ProtocolException.Malformed($"Unknown market state '{name}'.");
}
