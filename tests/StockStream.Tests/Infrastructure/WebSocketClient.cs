using StockStream.Protocol;

namespace StockStream.Tests.Infrastructure;

/// <summary>Opens protocol WebSocket connections to any server endpoint.</summary>
public static class WebSocketClient
{
    public static Uri WebSocketUri(this IServerEndpoint server, string query = "") =>
        new UriBuilder(server.BaseAddress) { Scheme = "ws", Path = "/ws", Query = query }.Uri;

    /// <summary>Connects and reads the Hello and the first MarketStatus.</summary>
    public static async Task<ProtocolClient> ConnectAsync(this IServerEndpoint server, string? subprotocol = Subprotocols.MessagePack,
        string query = "", string? origin = null, int? receiveBufferBytes = null, System.Net.WebSockets.WebSocketDeflateOptions? deflate = null)
    {
        var client = await ProtocolClient.ConnectAsync(server.WebSocketUri(query), subprotocol, origin, receiveBufferBytes, deflate);
        await client.ReadHandshakeAsync();
        return client;
    }
}
