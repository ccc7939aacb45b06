using System.Net;
using System.Text.Json;
using MessagePack;
using StockStream.Protocol;

namespace StockStream.Tests.Infrastructure;

/// <summary>A long-poll answer as a client decodes it, from either the JSON or the MessagePack body.</summary>
public sealed record PollReply(string Cursor, IReadOnlyList<Tick> Ticks, bool Missed, IReadOnlyList<Quote> Quotes, string Market, string Epoch)
{
    public static PollReply FromJson(JsonElement body) => new(
        body.GetProperty("cursor").GetString()!,
        [.. body.GetProperty("ticks").EnumerateArray().Select(TickFromJson)],
        body.GetProperty("missed").GetBoolean(),
        [.. body.GetProperty("quotes").EnumerateArray().Select(QuoteFromJson)],
        body.GetProperty("market").GetString()!,
        body.GetProperty("epoch").GetString()!);

    public static PollReply FromMessagePack(byte[] body)
    {
        var r = new MessagePackReader(body);
        Assert.Equal(6, r.ReadArrayHeader());
        string cursor = r.ReadString()!;
        var ticks = new Tick[r.ReadArrayHeader()];
        for (int i = 0; i < ticks.Length; i++)
        {
            Assert.Equal(5, r.ReadArrayHeader());
            ticks[i] = new Tick(r.ReadString()!, r.ReadUInt64(), r.ReadDouble(), r.ReadInt64(), r.ReadInt64());
        }
        int flags = r.ReadInt32();
        var quotes = new Quote[r.ReadArrayHeader()];
        for (int i = 0; i < quotes.Length; i++)
        {
            Assert.Equal(8, r.ReadArrayHeader());
            quotes[i] = new Quote(r.ReadString()!, r.ReadUInt64(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadInt64(), r.ReadInt64());
        }
        var reply = new PollReply(cursor, ticks, (flags & (int)TickFlags.Missed) != 0, quotes, r.ReadString()!, r.ReadString()!);
        Assert.True(r.End, "nothing may follow the answer's array");
        return reply;
    }

    public static Tick TickFromJson(JsonElement t)
    {
        Assert.Equal(5, t.EnumerateObject().Count());
        return new Tick(t.GetProperty("symbol").GetString()!, t.GetProperty("seq").GetUInt64(), t.GetProperty("price").GetDouble(),
            t.GetProperty("size").GetInt64(), t.GetProperty("time").GetInt64());
    }

    public static Quote QuoteFromJson(JsonElement q)
    {
        Assert.Equal(8, q.EnumerateObject().Count());
        return new Quote(q.GetProperty("symbol").GetString()!, q.GetProperty("seq").GetUInt64(), q.GetProperty("price").GetDouble(),
            q.GetProperty("open").GetDouble(), q.GetProperty("high").GetDouble(), q.GetProperty("low").GetDouble(),
            q.GetProperty("volume").GetInt64(), q.GetProperty("time").GetInt64());
    }
}
