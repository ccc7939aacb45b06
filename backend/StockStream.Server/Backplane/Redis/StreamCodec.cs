using System.Buffers;
using System.Buffers.Binary;
using StockStream.Protocol;
using StockStream.Protocol.Messages;

namespace StockStream.Server.Backplane.Redis;

/// <summary>
/// What the backplane stores in Redis and sends down its channel, in the protocol's own MessagePack: an offset
/// (8 bytes, big-endian) and a message — a batch is its first offset and a Ticks message, a quote snapshot its
/// offset and a Snapshot message, a market change 0 and a MarketStatus message.
/// </summary>
internal static class StreamCodec
{
    public static byte[] Encode(TickBatch batch) => Encode(batch.FirstOffset, new TicksMessage(batch.Ticks, TickFlags.None));

    public static byte[] Encode(QuoteSnapshot snapshot) => Encode(snapshot.Offset, new SnapshotMessage(snapshot.Quotes));

    public static byte[] Encode(MarketStatusMessage status) => Encode(0, status);

    public static TickBatch DecodeBatch(ReadOnlyMemory<byte> bytes) =>
        Decode(bytes, out ulong offset) is TicksMessage ticks
            ? new TickBatch(offset, ticks.Ticks)
            : throw new InvalidDataException("A tick batch in Redis is not a Ticks message.");

    public static QuoteSnapshot DecodeSnapshot(ReadOnlyMemory<byte> bytes) =>
        Decode(bytes, out ulong offset) is SnapshotMessage snapshot
            ? new QuoteSnapshot(offset, snapshot.Quotes)
            : throw new InvalidDataException("The quotes in Redis are not a Snapshot message.");

    private static byte[] Encode(ulong offset, ServerMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        BinaryPrimitives.WriteUInt64BigEndian(buffer.GetSpan(sizeof(ulong)), offset);
        buffer.Advance(sizeof(ulong));
        WireFormat.MessagePack.Write(buffer, message);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads an offset and its message; throws <see cref="InvalidDataException"/> for anything else.</summary>
    public static ServerMessage Decode(ReadOnlyMemory<byte> bytes, out ulong offset)
    {
        if (bytes.Length <= sizeof(ulong)) throw new InvalidDataException("A backplane record in Redis is truncated.");
        offset = BinaryPrimitives.ReadUInt64BigEndian(bytes.Span);
        try
        {
            return WireFormat.MessagePack.ReadServerMessage(bytes[sizeof(ulong)..]);
        }
        catch (ProtocolException e)
        {
            throw new InvalidDataException($"A backplane record in Redis cannot be read: {e.Message}", e);
        }
    }
}
