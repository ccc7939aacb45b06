using Microsoft.AspNetCore.Http.Features;

namespace StockStream.Server.Transports.WebSockets.Compression;

/// <summary>
/// Wraps a request's upgrade features so the stream the WebSocket is built on counts its bytes; installed before
/// the WebSocket middleware, which takes the features when the request reaches it.
/// </summary>
internal static class WireCountingFeatures
{
    public static void Install(HttpContext context)
    {
        var traffic = new WireTraffic();
        context.Features.Set(traffic);
        // Only the way this request can become a socket is wrapped: the wrapper lives as long as the socket.
        if (context.Features.Get<IHttpUpgradeFeature>() is { IsUpgradableRequest: true } upgrade)
            context.Features.Set<IHttpUpgradeFeature>(new CountingUpgrade(upgrade, traffic));
        else if (context.Features.Get<IHttpExtendedConnectFeature>() is { IsExtendedConnect: true } connect)
            context.Features.Set<IHttpExtendedConnectFeature>(new CountingExtendedConnect(connect, traffic));
    }

    private sealed class CountingUpgrade(IHttpUpgradeFeature inner, WireTraffic traffic) : IHttpUpgradeFeature
    {
        public bool IsUpgradableRequest => inner.IsUpgradableRequest;
        public async Task<Stream> UpgradeAsync() => new WireCountingStream(await inner.UpgradeAsync(), traffic);
    }

    /// <summary>WebSockets over HTTP/2 (RFC 8441), which browsers use on https when the server offers HTTP/2.</summary>
    private sealed class CountingExtendedConnect(IHttpExtendedConnectFeature inner, WireTraffic traffic) : IHttpExtendedConnectFeature
    {
        public bool IsExtendedConnect => inner.IsExtendedConnect;
        public string? Protocol => inner.Protocol;
        public async ValueTask<Stream> AcceptAsync() => new WireCountingStream(await inner.AcceptAsync(), traffic);
    }
}
