using StockStream.Protocol;
using StockStream.Protocol.Messages;

namespace StockStream.Tests.Protocol;

/// <summary>One fixed example of every message type; the golden fixtures are these, encoded.</summary>
public static class SampleMessages
{
    public const long Time = 1_732_370_000_123_456;

    public static readonly Tick[] Ticks =
    [
        new("AAPL", 41, 187.25, 300, Time),
        new("BRK.B", 7, 412.1, 25, Time + 850),
    ];

    public static readonly Quote[] Quotes =
    [
        new("AAPL", 41, 187.25, 186.5, 188.0, 185.75, 12_300, Time),
        new("BRK.B", 0, 410.0, 410.0, 410.0, 410.0, 0, Time - 60_000_000),
    ];

    public static IEnumerable<(string Name, ServerMessage Message)> Server(WireFormat format) =>
    [
        ("hello", new HelloMessage(1, "c-1f3a", Time, 15_000, 100, "3f2a9c1b7d4e5f60")),
        ("suback", new SubAckMessage(7, ["AAPL", "BRK.B"],
            [new SymbolRejection("aapl", SymbolRejection.InvalidSymbol), new SymbolRejection("ZZZZ", SymbolRejection.UnknownSymbol)])),
        ("snapshot", new SnapshotMessage(Quotes)),
        ("ticks", new TicksMessage(Ticks, TickFlags.Conflated)),
        ("pong", new PongMessage(format.CreatePing(1_732_370_000_123.5).RawClientTime, Time + 10)),
        ("error", new ErrorMessage(ErrorCodes.UnknownMessageType, "Unknown message type 99.", null)),
        ("market-status", new MarketStatusMessage(MarketState.Halted, Time)),
    ];

    public static IEnumerable<(string Name, ClientMessage Message)> Client(WireFormat format) =>
    [
        ("subscribe", new SubscribeMessage(7, ["AAPL", "BRK.B"], new Dictionary<string, ulong> { ["AAPL"] = 40 })),
        ("unsubscribe", new UnsubscribeMessage(8, ["BRK.B"])),
        ("ping", format.CreatePing(1_732_370_000_123.5)),
    ];
}
