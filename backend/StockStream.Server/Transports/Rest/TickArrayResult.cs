using System.Buffers;
using StockStream.Protocol;

namespace StockStream.Server.Transports.Rest;

/// <summary>A JSON array of Tick objects, written from each tick's pre-encoded JSON straight into the response.</summary>
public sealed class TickArrayResult(IReadOnlyList<EncodedTick> ticks) : IResult
{
    public Task ExecuteAsync(HttpContext context)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = context.Response.BodyWriter;
        body.Write("["u8);
        for (int i = 0; i < ticks.Count; i++)
        {
            if (i > 0) body.Write(","u8);
            body.Write(ticks[i].JsonObject);
        }
        body.Write("]"u8);
        return body.FlushAsync(context.RequestAborted).AsTask();
    }
}
