namespace StockStream.Protocol;

/// <summary>WebSocket close codes the server uses (RFC 6455 and the protocol's own 4008).</summary>
public static class CloseCodes
{
    public const int GoingAway = 1001;
    public const int UnsupportedData = 1003;
    public const int InvalidPayload = 1007;
    public const int PolicyViolation = 1008;
    public const int MessageTooBig = 1009;
    public const int TryAgainLater = 1013;
    /// <summary>A send stalled past the configured timeout: the client read too slowly.</summary>
    public const int SlowConsumer = 4008;
}
