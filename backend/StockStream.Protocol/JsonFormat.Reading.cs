using System.Text.Json;
using StockStream.Protocol.Messages;

namespace StockStream.Protocol;

public sealed partial class JsonFormat
{
    private static readonly JsonReaderOptions ClientReaderOptions = new() { MaxDepth = 32 };

    public override ClientMessage ReadClientMessage(ReadOnlyMemory<byte> frame)
    {
        var r = new Utf8JsonReader(frame.Span, ClientReaderOptions);
        try
        {
            if (!r.Read() || r.TokenType != JsonTokenType.StartArray) throw ProtocolException.Malformed("A message must be a JSON array.");
            if (!r.Read() || r.TokenType != JsonTokenType.Number || !r.TryGetInt32(out int typeCode))
                throw ProtocolException.Malformed("A message must start with an integer message type.");
            var type = (MessageType)typeCode;
            ClientMessage message = type switch
            {
                MessageType.Subscribe => ReadSubscribe(ref r),
                MessageType.Unsubscribe => new UnsubscribeMessage(ReadReqId(ref r), ReadStrings(ref r)),
                MessageType.Ping => new PingMessage(ReadOpaque(ref r, frame)),
                _ => throw new ProtocolException(ErrorCodes.UnknownMessageType, $"Unknown message type {typeCode}."),
            };
            if (!r.Read() || r.TokenType != JsonTokenType.EndArray) throw ProtocolException.Malformed($"{type} has too many fields.");
            if (r.Read()) throw ProtocolException.Malformed("Trailing data after the message.");
            return message;
        }
        catch (JsonException e)
        {
            throw ProtocolException.Malformed("Not valid JSON.", e);
        }
    }

    private static SubscribeMessage ReadSubscribe(ref Utf8JsonReader r)
    {
        uint reqId = ReadReqId(ref r);
        var symbols = ReadStrings(ref r);
        var probe = r;
        if (!probe.Read() || probe.TokenType == JsonTokenType.EndArray) return new SubscribeMessage(reqId, symbols);
        r.Read();
        if (r.TokenType == JsonTokenType.Null) return new SubscribeMessage(reqId, symbols);
        if (r.TokenType != JsonTokenType.StartObject) throw ProtocolException.Malformed("Resume must be an object of symbol to seq.");
        var resume = new Dictionary<string, ulong>(StringComparer.Ordinal);
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            string symbol = r.GetString()!;
            if (!r.Read() || r.TokenType != JsonTokenType.Number || !r.TryGetUInt64(out ulong seq))
                throw ProtocolException.Malformed("Resume seqs must be unsigned integers.");
            resume[symbol] = seq;
        }
        return new SubscribeMessage(reqId, symbols, resume);
    }

    private static uint ReadReqId(ref Utf8JsonReader r)
    {
        if (!r.Read() || r.TokenType != JsonTokenType.Number || !r.TryGetUInt32(out uint reqId))
            throw ProtocolException.Malformed("reqId must be an unsigned 32-bit integer.");
        return reqId;
    }

    private static string[] ReadStrings(ref Utf8JsonReader r)
    {
        if (!r.Read() || r.TokenType != JsonTokenType.StartArray) throw ProtocolException.Malformed("Symbols must be an array.");
        var values = new List<string>();
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (r.TokenType != JsonTokenType.String) throw ProtocolException.Malformed("Symbols must be strings.");
            values.Add(r.GetString()!);
        }
        return [.. values];
    }

    private static byte[] ReadOpaque(ref Utf8JsonReader r, ReadOnlyMemory<byte> frame)
    {
        if (!r.Read() || r.TokenType == JsonTokenType.EndArray) throw ProtocolException.Malformed("Ping needs a client time.");
        int start = (int)r.TokenStartIndex;
        r.Skip();
        return frame.Span[start..(int)r.BytesConsumed].ToArray();
    }

    public override ServerMessage ReadServerMessage(ReadOnlyMemory<byte> frame)
    {
        try
        {
            using var doc = JsonDocument.Parse(frame);
            var a = doc.RootElement;
            return (MessageType)a[0].GetInt32() switch
            {
                MessageType.Hello => new HelloMessage(a[1].GetInt32(), a[2].GetString()!, a[3].GetInt64(), a[4].GetInt32(), a[5].GetInt32(), a[6].GetString()!),
                MessageType.SubAck => new SubAckMessage(a[1].GetUInt32(),
                    [.. a[2].EnumerateArray().Select(e => e.GetString()!)],
                    [.. a[3].EnumerateArray().Select(e => new SymbolRejection(e[0].GetString()!, e[1].GetString()!))]),
                MessageType.Snapshot => new SnapshotMessage([.. a[1].EnumerateArray().Select(ReadQuote)]),
                MessageType.Ticks => new TicksMessage([.. a[1].EnumerateArray().Select(ReadTick)], (TickFlags)a[2].GetInt32()),
                MessageType.Pong => new PongMessage(System.Text.Encoding.UTF8.GetBytes(a[1].GetRawText()), a[2].GetInt64()),
                MessageType.Error => new ErrorMessage(a[1].GetInt32(), a[2].GetString()!, a[3].ValueKind == JsonValueKind.Null ? null : a[3].GetUInt32()),
                MessageType.MarketStatus => new MarketStatusMessage(
                    MarketStateNames.TryParse(a[1].GetString(), out var state) ? state : throw ProtocolException.Malformed("Unknown market state."),
                    a[2].GetInt64()),
                var other => throw new ProtocolException(ErrorCodes.UnknownMessageType, $"Unknown message type {(int)other}."),
            };
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or IndexOutOfRangeException or FormatException)
        {
            throw ProtocolException.Malformed("Not a valid JSON server message.", e);
        }
    }

    public override double? ReadNumber(ReadOnlyMemory<byte> rawValue)
    {
        var r = new Utf8JsonReader(rawValue.Span);
        return r.Read() && r.TokenType == JsonTokenType.Number ? r.GetDouble() : null;
    }

    private static Tick ReadTick(JsonElement e) =>
        new(e[0].GetString()!, e[1].GetUInt64(), e[2].GetDouble(), e[3].GetInt64(), e[4].GetInt64());

    private static Quote ReadQuote(JsonElement e) =>
        new(e[0].GetString()!, e[1].GetUInt64(), e[2].GetDouble(), e[3].GetDouble(), e[4].GetDouble(), e[5].GetDouble(), e[6].GetInt64(), e[7].GetInt64());
}
