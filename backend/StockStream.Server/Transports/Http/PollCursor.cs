using System.Buffers.Text;
using System.Text;
using StockStream.Protocol;

namespace StockStream.Server.Transports.Http;

/// <summary>
/// Where a long-poll client (or an SSE stream) stands: the epoch of the stream, the hub offset up to which it has
/// everything, and the market state it was told. Clients see it as opaque base64url text of
/// <c>epoch.offset.state</c>. A cursor from before cursors carried the state (<c>epoch.offset</c>) still parses, its
/// <see cref="Market"/> unknown: the poll is answered at once with the current state, as if the state had changed.
/// </summary>
public readonly record struct PollCursor(string Epoch, ulong Offset, MarketState? Market)
{
    private const int MaxTextLength = 96;

    public override string ToString()
    {
        Span<byte> plain = stackalloc byte[Epoch.Length + MaxPartsAfterEpoch];
        return Base64Url.EncodeToString(plain[..Format(plain, Epoch, Offset, Market)]);
    }

    /// <summary>
    /// Strict: only the exact text this class writes is accepted. An epoch equal to <paramref name="currentEpoch"/> (the
    /// hub's) is that string, so parsing an honest cursor allocates nothing.
    /// </summary>
    public static bool TryParse(string? text, out PollCursor cursor, string? currentEpoch = null)
    {
        cursor = default;
        if (string.IsNullOrEmpty(text) || text.Length > MaxTextLength) return false;
        Span<byte> bytes = stackalloc byte[MaxTextLength];
        if (!Base64Url.IsValid(text) || !Base64Url.TryDecodeFromChars(text, bytes, out int written)) return false;
        var decoded = bytes[..written];
        // Epochs have no dots: the first one ends the epoch, a second one starts the market state.
        int dot = decoded.IndexOf((byte)'.');
        if (dot <= 0 || !IsEpoch(decoded[..dot])) return false;
        var epoch = decoded[..dot];
        var rest = decoded[(dot + 1)..];
        MarketState? market = null;
        int stateDot = rest.IndexOf((byte)'.');
        if (stateDot >= 0)
        {
            if (!MarketStateNames.TryParseUtf8(rest[(stateDot + 1)..], out var state)) return false;
            market = state;
            rest = rest[..stateDot];
        }
        if (!Utf8Parser.TryParse(rest, out ulong offset, out int consumed) || consumed != rest.Length) return false;
        // Round-trip so padding, leading zeros or signs cannot make two texts mean one cursor.
        if (!IsCanonical(text, epoch, offset, market)) return false;
        cursor = new PollCursor(
            currentEpoch is not null && Ascii.Equals(epoch, currentEpoch) ? currentEpoch : Encoding.ASCII.GetString(epoch), offset, market);
        return true;
    }

    /// <summary>Whether <paramref name="text"/> is exactly what <see cref="ToString"/> writes for these parts, checked on the stack.</summary>
    private static bool IsCanonical(string text, ReadOnlySpan<byte> epoch, ulong offset, MarketState? market)
    {
        Span<byte> plain = stackalloc byte[MaxTextLength + MaxPartsAfterEpoch];
        Span<char> encoded = stackalloc char[Base64Url.GetEncodedLength(plain.Length)];
        int chars = Base64Url.EncodeToChars(plain[..Format(plain, epoch, offset, market)], encoded);
        return encoded[..chars].SequenceEqual(text);
    }

    /// <summary>The longest <c>.offset.state</c>: a 20-digit offset and the longest state name.</summary>
    private const int MaxPartsAfterEpoch = 48;

    /// <summary>Writes <c>epoch.offset[.state]</c> as ASCII into <paramref name="plain"/>; returns its length.</summary>
    private static int Format(Span<byte> plain, ReadOnlySpan<char> epoch, ulong offset, MarketState? market)
    {
        int length = Encoding.ASCII.GetBytes(epoch, plain);
        return FormatAfterEpoch(plain, length, offset, market);
    }

    private static int Format(Span<byte> plain, ReadOnlySpan<byte> epoch, ulong offset, MarketState? market)
    {
        epoch.CopyTo(plain);
        return FormatAfterEpoch(plain, epoch.Length, offset, market);
    }

    private static int FormatAfterEpoch(Span<byte> plain, int length, ulong offset, MarketState? market)
    {
        plain[length++] = (byte)'.';
        Utf8Formatter.TryFormat(offset, plain[length..], out int digits);
        length += digits;
        if (market is { } state)
        {
            plain[length++] = (byte)'.';
            length += Encoding.ASCII.GetBytes(state.ToWire(), plain[length..]);
        }
        return length;
    }

    private static bool IsEpoch(ReadOnlySpan<byte> epoch)
    {
        foreach (byte b in epoch)
        {
            if (b is not ((>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'_'))
                return false;
        }
        return true;
    }
}
