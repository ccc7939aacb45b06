using System.Buffers;
using StockStream.Protocol.Messages;

namespace StockStream.Protocol;

/// <summary>One encoding of the protocol: MessagePack in binary frames, or JSON in text frames.</summary>
public abstract class WireFormat
{
    public static WireFormat MessagePack { get; } = new MessagePackFormat();
    public static WireFormat Json { get; } = new JsonFormat();

    /// <summary>The WebSocket subprotocol that selects this format.</summary>
    public abstract string Subprotocol { get; }

    /// <summary>True when frames are text (JSON), false when binary (MessagePack).</summary>
    public abstract bool IsText { get; }

    public static WireFormat? FromSubprotocol(string? subprotocol) => subprotocol switch
    {
        Subprotocols.MessagePack => MessagePack,
        Subprotocols.Json => Json,
        _ => null,
    };

    public abstract void Write(IBufferWriter<byte> output, ServerMessage message);

    /// <summary>Writes <c>[13, [Tick...], flags]</c> from ticks that are already encoded.</summary>
    public abstract void WriteTicksFrame(IBufferWriter<byte> output, ReadOnlySpan<EncodedTick> ticks, TickFlags flags);

    public abstract void Write(IBufferWriter<byte> output, ClientMessage message);

    /// <summary>Reads a client frame; throws <see cref="ProtocolException"/> for anything the protocol does not allow.</summary>
    public abstract ClientMessage ReadClientMessage(ReadOnlyMemory<byte> frame);

    /// <summary>Reads a server frame; throws <see cref="ProtocolException"/> when it is not one.</summary>
    public abstract ServerMessage ReadServerMessage(ReadOnlyMemory<byte> frame);

    /// <summary>A Ping whose opaque client time is the given number.</summary>
    public abstract PingMessage CreatePing(double clientTime);

    /// <summary>Reads back a client time that was a number; null when it is something else.</summary>
    public abstract double? ReadNumber(ReadOnlyMemory<byte> rawValue);

    public byte[] ToArray(ServerMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Write(buffer, message);
        return buffer.WrittenSpan.ToArray();
    }

    public byte[] ToArray(ClientMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Write(buffer, message);
        return buffer.WrittenSpan.ToArray();
    }
}
