using System.Buffers.Binary;
using System.Numerics;
using System.Text;
using StockStream.Protocol;

namespace StockStream.LoadTests.Wire;

/// <summary>The market's symbols, numbered 0..Count-1, looked up by their UTF-8 bytes without allocating.</summary>
public sealed class SymbolTable
{
    // The load client looks up every tick it receives, so a lookup neither decodes nor hashes a string: a symbol is at
    // most 12 bytes, and its bytes and length packed into two words are its key, found in an open-addressing table.
    private readonly Slot[] _slots;
    private readonly int _shift;

    public SymbolTable(IEnumerable<string> symbols)
    {
        Symbols = [.. symbols.Distinct(StringComparer.Ordinal)];
        int bits = Math.Max(4, BitOperations.Log2((uint)Symbols.Count) + 2);
        _slots = new Slot[1 << bits];
        _shift = 64 - bits;
        for (int i = 0; i < Symbols.Count; i++)
        {
            // A longer or empty one could never be received: the protocol refuses it.
            if (!TryPack(Encoding.UTF8.GetBytes(Symbols[i]), out var key)) continue;
            int slot = SlotOf(key);
            while (_slots[slot].Number != 0) slot = (slot + 1) & (_slots.Length - 1);
            _slots[slot] = new Slot(key, i + 1);
        }
    }

    public IReadOnlyList<string> Symbols { get; }

    public int Count => Symbols.Count;

    /// <summary>The symbol's number, or -1 when it is not in the table.</summary>
    public int IndexOf(ReadOnlySpan<byte> utf8Symbol)
    {
        if (!TryPack(utf8Symbol, out var key)) return -1;
        for (int slot = SlotOf(key); ; slot = (slot + 1) & (_slots.Length - 1))
        {
            ref readonly var candidate = ref _slots[slot];
            if (candidate.Number == 0) return -1;
            if (candidate.Key == key) return candidate.Number - 1;
        }
    }

    /// <summary>The <paramref name="count"/> symbols of client number <paramref name="client"/>: consecutive, spread evenly over the table.</summary>
    public string[] ForClient(int client, int count)
    {
        count = Math.Min(count, Count);
        var chosen = new string[count];
        for (int i = 0; i < count; i++) chosen[i] = Symbols[(client * count + i) % Count];
        return chosen;
    }

    private int SlotOf(Key key) => (int)(((key.Head ^ key.Tail) * 0x9E3779B97F4A7C15UL) >> _shift);

    /// <summary>The first 8 bytes, then the rest with the length in the top byte: equal keys are equal symbols.</summary>
    private static bool TryPack(ReadOnlySpan<byte> utf8, out Key key)
    {
        key = default;
        if (utf8.Length is 0 or > SymbolName.MaxLength) return false;
        ulong head = utf8.Length >= 8 ? BinaryPrimitives.ReadUInt64LittleEndian(utf8) : Pack(utf8);
        ulong tail = (utf8.Length > 8 ? Pack(utf8[8..]) : 0) | (ulong)utf8.Length << 56;
        key = new Key(head, tail);
        return true;
    }

    private static ulong Pack(ReadOnlySpan<byte> bytes)
    {
        ulong packed = 0;
        for (int i = 0; i < bytes.Length; i++) packed |= (ulong)bytes[i] << (8 * i);
        return packed;
    }

    private readonly record struct Key(ulong Head, ulong Tail);

    /// <summary>A symbol's key and its number + 1 (0: an empty slot).</summary>
    private readonly record struct Slot(Key Key, int Number);
}
