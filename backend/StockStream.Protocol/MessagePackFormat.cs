using System.Buffers;
using MessagePack;
using StockStream.Protocol.Messages;

namespace StockStream.Protocol;

/// <summary>The <c>stockstream.v1</c> encoding: one MessagePack array per binary frame.</summary>
public sealed partial class MessagePackFormat : WireFormat
{
    public override string Subprotocol => Subprotocols.MessagePack;
    public override bool IsText => false;

    public override void Write(IBufferWriter<byte> output, ServerMessage message)
    {
        var w = new MessagePackWriter(output);
        switch (message)
        {
            case HelloMessage m:
                w.WriteArrayHeader(7);
                w.Write((int)MessageType.Hello);
                w.Write(m.ProtocolVersion);
                w.Write(m.ConnectionId);
                w.Write(m.ServerTime);
                w.Write(m.HeartbeatMs);
                w.Write(m.MaxSymbols);
                w.Write(m.Epoch);
                break;
            case SubAckMessage m:
                w.WriteArrayHeader(4);
                w.Write((int)MessageType.SubAck);
                w.Write(m.ReqId);
                w.WriteArrayHeader(m.Accepted.Count);
                foreach (var symbol in m.Accepted) w.Write(symbol);
                w.WriteArrayHeader(m.Rejected.Count);
                foreach (var rejection in m.Rejected)
                {
                    w.WriteArrayHeader(2);
                    w.Write(rejection.Symbol);
                    w.Write(rejection.Reason);
                }
                break;
            case SnapshotMessage m:
                w.WriteArrayHeader(2);
                w.Write((int)MessageType.Snapshot);
                w.WriteArrayHeader(m.Quotes.Count);
                foreach (var quote in m.Quotes) WriteQuote(ref w, quote);
                break;
            case TicksMessage m:
                w.WriteArrayHeader(3);
                w.Write((int)MessageType.Ticks);
                w.WriteArrayHeader(m.Ticks.Count);
                foreach (var tick in m.Ticks) WriteTick(ref w, tick);
                w.Write((int)m.Flags);
                break;
            case PongMessage m:
                w.WriteArrayHeader(3);
                w.Write((int)MessageType.Pong);
                w.WriteRaw(m.RawClientTime.Span);
                w.Write(m.ServerTime);
                break;
            case ErrorMessage m:
                w.WriteArrayHeader(4);
                w.Write((int)MessageType.Error);
                w.Write(m.Code);
                w.Write(m.Message);
                if (m.ReqId is { } reqId) w.Write(reqId); else w.WriteNil();
                break;
            case MarketStatusMessage m:
                w.WriteArrayHeader(3);
                w.Write((int)MessageType.MarketStatus);
                w.Write(m.State.ToWire());
                w.Write(m.ServerTime);
                break;
            default:
                throw new ArgumentException($"Unknown server message {message.GetType().Name}.", nameof(message));
        }
        w.Flush();
    }

    public override void WriteTicksFrame(IBufferWriter<byte> output, ReadOnlySpan<EncodedTick> ticks, TickFlags flags)
    {
        var w = new MessagePackWriter(output);
        w.WriteArrayHeader(3);
        w.Write((int)MessageType.Ticks);
        w.WriteArrayHeader(ticks.Length);
        foreach (var tick in ticks) w.WriteRaw(tick.MessagePack);
        w.Write((int)flags);
        w.Flush();
    }

    public override void Write(IBufferWriter<byte> output, ClientMessage message)
    {
        var w = new MessagePackWriter(output);
        switch (message)
        {
            case SubscribeMessage m:
                w.WriteArrayHeader(m.Resume is null ? 3 : 4);
                w.Write((int)MessageType.Subscribe);
                w.Write(m.ReqId);
                WriteStrings(ref w, m.Symbols);
                if (m.Resume is not null)
                {
                    w.WriteMapHeader(m.Resume.Count);
                    foreach (var (symbol, seq) in m.Resume)
                    {
                        w.Write(symbol);
                        w.Write(seq);
                    }
                }
                break;
            case UnsubscribeMessage m:
                w.WriteArrayHeader(3);
                w.Write((int)MessageType.Unsubscribe);
                w.Write(m.ReqId);
                WriteStrings(ref w, m.Symbols);
                break;
            case PingMessage m:
                w.WriteArrayHeader(2);
                w.Write((int)MessageType.Ping);
                w.WriteRaw(m.RawClientTime.Span);
                break;
            default:
                throw new ArgumentException($"Unknown client message {message.GetType().Name}.", nameof(message));
        }
        w.Flush();
    }

    public override PingMessage CreatePing(double clientTime)
    {
        var buffer = new ArrayBufferWriter<byte>(9);
        var w = new MessagePackWriter(buffer);
        w.Write(clientTime);
        w.Flush();
        return new PingMessage(buffer.WrittenMemory.ToArray());
    }

    internal static void WriteTick(ref MessagePackWriter w, Tick tick)
    {
        w.WriteArrayHeader(5);
        w.Write(tick.Symbol);
        w.Write(tick.Seq);
        w.Write(tick.Price);
        w.Write(tick.Size);
        w.Write(tick.Time);
    }

    /// <summary>A Quote as the array every MessagePack transport carries (Snapshot, poll answers).</summary>
    public static void WriteQuote(ref MessagePackWriter w, Quote quote)
    {
        w.WriteArrayHeader(8);
        w.Write(quote.Symbol);
        w.Write(quote.Seq);
        w.Write(quote.Price);
        w.Write(quote.Open);
        w.Write(quote.High);
        w.Write(quote.Low);
        w.Write(quote.Volume);
        w.Write(quote.Time);
    }

    private static void WriteStrings(ref MessagePackWriter w, IReadOnlyList<string> values)
    {
        w.WriteArrayHeader(values.Count);
        foreach (var value in values) w.Write(value);
    }
}
