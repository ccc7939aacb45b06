using System.Text;
using StockStream.Protocol;

namespace StockStream.LoadTests.Wire;

/// <summary>The market's symbols, numbered 0..Count-1, looked up by their UTF-8 bytes without allocating.</summary>
public sealed class SymbolTable
{
    private readonly Dictionary<string, int> _indexes;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public SymbolTable(IEnumerable<string> symbols)
    {
        Symbols = [.. symbols.Distinct(StringComparer.Ordinal)];
        _indexes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < Symbols.Count; i++) _indexes[Symbols[i]] = i;
        _lookup = _indexes.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public IReadOnlyList<string> Symbols { get; }

    public int Count => Symbols.Count;

    /// <summary>The symbol's number, or -1 when it is not in the table.</summary>
    public int IndexOf(ReadOnlySpan<byte> utf8Symbol)
    {
        if (utf8Symbol.Length is 0 or > SymbolName.MaxLength) return -1;
        Span<char> chars = stackalloc char[SymbolName.MaxLength];
        // Valid symbols are ASCII, so UTF-8 decoding cannot fail or expand here.
        int length = Encoding.UTF8.GetChars(utf8Symbol, chars);
        return _lookup.TryGetValue(chars[..length], out int index) ? index : -1;
    }

    /// <summary>The <paramref name="count"/> symbols of client number <paramref name="client"/>: consecutive, spread evenly over the table.</summary>
    public string[] ForClient(int client, int count)
    {
        count = Math.Min(count, Count);
        var chosen = new string[count];
        for (int i = 0; i < count; i++) chosen[i] = Symbols[(client * count + i) % Count];
        return chosen;
    }
}
