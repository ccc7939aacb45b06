using Microsoft.AspNetCore.Http.HttpResults;

namespace StockStream.Server.Transports.WebSockets.Compression;

/// <summary>
/// <c>GET /api/ws-traffic/{connectionId}</c>: what a page cannot see of its own socket — whether it is compressed and
/// the bytes it moved on the wire — answered only to a caller from the socket's address.
/// </summary>
internal static class WireTrafficEndpoint
{
    public static Results<Ok<WireTrafficAnswer>, ProblemHttpResult> Handle(string connectionId, HttpContext context, WireTrafficRegistry registry) =>
        registry.TryGet(connectionId, context.Connection.RemoteIpAddress, out var extensions, out var traffic)
            ? TypedResults.Ok(new WireTrafficAnswer(connectionId, extensions is not null, extensions ?? "", traffic.BytesSent, traffic.BytesReceived))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown connection",
                detail: "No open WebSocket with this id was opened from your address.");

    /// <summary>
    /// A socket's wire traffic since its handshake (frame headers included, the HTTP upgrade itself not), from the
    /// server's side of the connection.
    /// </summary>
    public sealed record WireTrafficAnswer(string ConnectionId, bool Compressed, string Extensions, long BytesToClient, long BytesFromClient);
}
