namespace StockStream.Protocol;

/// <summary>A symbol a SubAck did not accept, with the reason: <c>[symbol, reason]</c> on the wire.</summary>
public sealed record SymbolRejection(string Symbol, string Reason)
{
    public const string InvalidSymbol = "invalid symbol";
    public const string UnknownSymbol = "unknown symbol";
    public const string SymbolLimit = "symbol limit";
}
