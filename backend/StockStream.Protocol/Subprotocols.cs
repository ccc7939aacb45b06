namespace StockStream.Protocol;

/// <summary>The WebSocket subprotocols of protocol version 1.</summary>
public static class Subprotocols
{
    public const int ProtocolVersion = 1;
    public const string MessagePack = "stockstream.v1";
    public const string Json = "stockstream.v1.json";
    public static readonly IReadOnlyList<string> All = [MessagePack, Json];
}
