namespace StockStream.Protocol;

/// <summary>The wire names of <see cref="MarketState"/>.</summary>
public static class MarketStateNames
{
    public static string ToWire(this MarketState state) => state switch
    {
        MarketState.Open => "open",
        MarketState.Closed => "closed",
        MarketState.Halted => "halted",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static bool TryParse(string? name, out MarketState state)
    {
        switch (name)
        {
            case "open": state = MarketState.Open; return true;
            case "closed": state = MarketState.Closed; return true;
            case "halted": state = MarketState.Halted; return true;
            default: state = default; return false;
        }
    }

    /// <summary>The same as <see cref="TryParse"/> on the UTF-8 bytes of a name, without decoding them.</summary>
    public static bool TryParseUtf8(ReadOnlySpan<byte> name, out MarketState state)
    {
        if (name.SequenceEqual("open"u8)) state = MarketState.Open;
        else if (name.SequenceEqual("closed"u8)) state = MarketState.Closed;
        else if (name.SequenceEqual("halted"u8)) state = MarketState.Halted;
        else
        {
            state = default;
            return false;
        }
        return true;
    }
}
