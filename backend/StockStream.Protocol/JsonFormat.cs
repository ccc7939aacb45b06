using System.Buffers;
using System.Text.Json;
using StockStream.Protocol.Messages;

namespace StockStream.Protocol;

/// <summary>The <c>stockstream.v1.json</c> encoding: the same arrays as JSON in text frames.</summary>
public sealed partial class JsonFormat : WireFormat
{
    [ThreadStatic] private static Utf8JsonWriter? s_writer;

    public override string Subprotocol => Subprotocols.Json;
    public override bool IsText => true;

    public override void Write(IBufferWriter<byte> output, ServerMessage message)
    {
        var w = RentWriter(output);
        w.WriteStartArray();
        switch (message)
        {
            case HelloMessage m:
                w.WriteNumberValue((int)MessageType.Hello);
                w.WriteNumberValue(m.ProtocolVersion);
                w.WriteStringValue(m.ConnectionId);
                w.WriteNumberValue(m.ServerTime);
                w.WriteNumberValue(m.HeartbeatMs);
                w.WriteNumberValue(m.MaxSymbols);
                w.WriteStringValue(m.Epoch);
                break;
            case SubAckMessage m:
                w.WriteNumberValue((int)MessageType.SubAck);
                w.WriteNumberValue(m.ReqId);
                WriteStrings(w, m.Accepted);
                w.WriteStartArray();
                foreach (var rejection in m.Rejected)
                {
                    w.WriteStartArray();
                    w.WriteStringValue(rejection.Symbol);
                    w.WriteStringValue(rejection.Reason);
                    w.WriteEndArray();
                }
                w.WriteEndArray();
                break;
            case SnapshotMessage m:
                w.WriteNumberValue((int)MessageType.Snapshot);
                w.WriteStartArray();
                foreach (var quote in m.Quotes) WriteQuote(w, quote);
                w.WriteEndArray();
                break;
            case TicksMessage m:
                w.WriteNumberValue((int)MessageType.Ticks);
                w.WriteStartArray();
                foreach (var tick in m.Ticks) WriteTick(w, tick);
                w.WriteEndArray();
                w.WriteNumberValue((int)m.Flags);
                break;
            case PongMessage m:
                w.WriteNumberValue((int)MessageType.Pong);
                w.WriteRawValue(m.RawClientTime.Span, skipInputValidation: true);
                w.WriteNumberValue(m.ServerTime);
                break;
            case ErrorMessage m:
                w.WriteNumberValue((int)MessageType.Error);
                w.WriteNumberValue(m.Code);
                w.WriteStringValue(m.Message);
                if (m.ReqId is { } reqId) w.WriteNumberValue(reqId); else w.WriteNullValue();
                break;
            case MarketStatusMessage m:
                w.WriteNumberValue((int)MessageType.MarketStatus);
                w.WriteStringValue(m.State.ToWire());
                w.WriteNumberValue(m.ServerTime);
                break;
            default:
                throw new ArgumentException($"Unknown server message {message.GetType().Name}.", nameof(message));
        }
        w.WriteEndArray();
        w.Flush();
    }

    private static ReadOnlySpan<byte> TicksPrefix => "[13,["u8;

    public override void WriteTicksFrame(IBufferWriter<byte> output, ReadOnlySpan<EncodedTick> ticks, TickFlags flags)
    {
        int size = TicksPrefix.Length + 8 + ticks.Length;
        foreach (var tick in ticks) size += tick.JsonArray.Length;
        var span = output.GetSpan(size);
        TicksPrefix.CopyTo(span);
        int at = TicksPrefix.Length;
        for (int i = 0; i < ticks.Length; i++)
        {
            if (i > 0) span[at++] = (byte)',';
            ticks[i].JsonArray.CopyTo(span[at..]);
            at += ticks[i].JsonArray.Length;
        }
        span[at++] = (byte)']';
        span[at++] = (byte)',';
        ((int)flags).TryFormat(span[at..], out int written);
        at += written;
        span[at++] = (byte)']';
        output.Advance(at);
    }

    public override void Write(IBufferWriter<byte> output, ClientMessage message)
    {
        var w = RentWriter(output);
        w.WriteStartArray();
        switch (message)
        {
            case SubscribeMessage m:
                w.WriteNumberValue((int)MessageType.Subscribe);
                w.WriteNumberValue(m.ReqId);
                WriteStrings(w, m.Symbols);
                if (m.Resume is not null)
                {
                    w.WriteStartObject();
                    foreach (var (symbol, seq) in m.Resume) w.WriteNumber(symbol, seq);
                    w.WriteEndObject();
                }
                break;
            case UnsubscribeMessage m:
                w.WriteNumberValue((int)MessageType.Unsubscribe);
                w.WriteNumberValue(m.ReqId);
                WriteStrings(w, m.Symbols);
                break;
            case PingMessage m:
                w.WriteNumberValue((int)MessageType.Ping);
                w.WriteRawValue(m.RawClientTime.Span, skipInputValidation: false);
                break;
            default:
                throw new ArgumentException($"Unknown client message {message.GetType().Name}.", nameof(message));
        }
        w.WriteEndArray();
        w.Flush();
    }

    public override PingMessage CreatePing(double clientTime)
    {
        var buffer = new ArrayBufferWriter<byte>(24);
        using var w = new Utf8JsonWriter(buffer);
        w.WriteNumberValue(clientTime);
        w.Flush();
        return new PingMessage(buffer.WrittenMemory.ToArray());
    }

    internal static void WriteTick(Utf8JsonWriter w, Tick tick)
    {
        w.WriteStartArray();
        w.WriteStringValue(tick.Symbol);
        w.WriteNumberValue(tick.Seq);
        w.WriteNumberValue(tick.Price);
        w.WriteNumberValue(tick.Size);
        w.WriteNumberValue(tick.Time);
        w.WriteEndArray();
    }

    /// <summary>The object form used by long polling, SSE and the REST endpoints.</summary>
    public static void WriteTickObject(Utf8JsonWriter w, Tick tick)
    {
        w.WriteStartObject();
        w.WriteString("symbol"u8, tick.Symbol);
        w.WriteNumber("seq"u8, tick.Seq);
        w.WriteNumber("price"u8, tick.Price);
        w.WriteNumber("size"u8, tick.Size);
        w.WriteNumber("time"u8, tick.Time);
        w.WriteEndObject();
    }

    /// <summary>The object form of a Quote used by long polling, SSE and the REST endpoints.</summary>
    public static void WriteQuoteObject(Utf8JsonWriter w, Quote quote)
    {
        w.WriteStartObject();
        w.WriteString("symbol"u8, quote.Symbol);
        w.WriteNumber("seq"u8, quote.Seq);
        w.WriteNumber("price"u8, quote.Price);
        w.WriteNumber("open"u8, quote.Open);
        w.WriteNumber("high"u8, quote.High);
        w.WriteNumber("low"u8, quote.Low);
        w.WriteNumber("volume"u8, quote.Volume);
        w.WriteNumber("time"u8, quote.Time);
        w.WriteEndObject();
    }

    private static void WriteQuote(Utf8JsonWriter w, Quote quote)
    {
        w.WriteStartArray();
        w.WriteStringValue(quote.Symbol);
        w.WriteNumberValue(quote.Seq);
        w.WriteNumberValue(quote.Price);
        w.WriteNumberValue(quote.Open);
        w.WriteNumberValue(quote.High);
        w.WriteNumberValue(quote.Low);
        w.WriteNumberValue(quote.Volume);
        w.WriteNumberValue(quote.Time);
        w.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter w, IReadOnlyList<string> values)
    {
        w.WriteStartArray();
        foreach (var value in values) w.WriteStringValue(value);
        w.WriteEndArray();
    }

    private static Utf8JsonWriter RentWriter(IBufferWriter<byte> output)
    {
        var writer = s_writer ??= new Utf8JsonWriter(output);
        writer.Reset(output);
        return writer;
    }
}
