namespace StockStream.Protocol;

/// <summary>Validation of ticker symbols: 1–12 characters of <c>A-Z 0-9 . -</c>.</summary>
public static class SymbolName
{
    public const int MaxLength = 12;

    public static bool IsValid(ReadOnlySpan<char> symbol)
    {
        if (symbol.Length is 0 or > MaxLength) return false;
        foreach (char c in symbol)
        {
            if (c is not ((>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '-')) return false;
        }
        return true;
    }

    /// <summary>Splits a comma-separated list (as in <c>?symbols=AAPL,MSFT</c>), dropping empty entries.</summary>
    public static string[] SplitList(string? list) =>
        string.IsNullOrWhiteSpace(list)
            ? []
            : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
