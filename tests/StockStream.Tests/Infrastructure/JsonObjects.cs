using System.Text.Json;
using StockStream.Protocol;

namespace StockStream.Tests.Infrastructure;

/// <summary>The Tick and Quote objects of the REST endpoints, read strictly: exactly the protocol's field names.</summary>
public static class JsonObjects
{
    public static Tick Tick(JsonElement t)
    {
        Assert.Equal(5, t.EnumerateObject().Count());
        return new Tick(t.GetProperty("symbol").GetString()!, t.GetProperty("seq").GetUInt64(), t.GetProperty("price").GetDouble(),
            t.GetProperty("size").GetInt64(), t.GetProperty("time").GetInt64());
    }

    public static Quote Quote(JsonElement q)
    {
        Assert.Equal(8, q.EnumerateObject().Count());
        return new Quote(q.GetProperty("symbol").GetString()!, q.GetProperty("seq").GetUInt64(), q.GetProperty("price").GetDouble(),
            q.GetProperty("open").GetDouble(), q.GetProperty("high").GetDouble(), q.GetProperty("low").GetDouble(),
            q.GetProperty("volume").GetInt64(), q.GetProperty("time").GetInt64());
    }
}
