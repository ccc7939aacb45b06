using StockStream.Server.Transports.Limits;

namespace StockStream.Server.Transports.SignalR;

/// <summary>
/// Counts <c>/hub</c>'s connections in the stream budget like every transport's: each GET (a WebSocket, an SSE stream or a
/// held long poll of SignalR's transports) holds a slot while it lasts and is refused with 503 past the budget, before
/// SignalR sees it. Negotiate and the long-polling transport's sends are short requests and are not counted.
/// </summary>
internal static class HubConnectionBudget
{
    public static void CountConnections(this EndpointBuilder endpoint)
    {
        if (endpoint.RequestDelegate is not { } inner) return;
        endpoint.RequestDelegate = context => EnterAsync(context, inner);
    }

    private static async Task EnterAsync(HttpContext context, RequestDelegate inner)
    {
        if (!HttpMethods.IsGet(context.Request.Method))
        {
            await inner(context);
            return;
        }
        var services = context.RequestServices;
        if (services.GetRequiredService<ConnectionBudget>().TryEnter(ConnectionKind.HubConnection) is not { } slot)
        {
            var refusal = services.GetRequiredService<Refusals>().NoRoom(context, ConnectionKind.HubConnection, "Too many connections; try again later.");
            await refusal.ExecuteAsync(context);
            return;
        }
        using (slot) await inner(context);
    }
}
