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

    public override string ToString() => Base64Url.EncodeToString(Encoding.ASCII.GetBytes(
        Market is { } market ? $"{Epoch}.{Offset}.{market.ToWire()}" : $"{Epoch}.{Offset}"));

    /// <summary>Strict: only the exact text this class writes is accepted.</summary>
    public static bool TryParse(string? text, out PollCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(text) || text.Length > MaxTextLength) return false;
        Span<byte> bytes = stackalloc byte[MaxTextLength];
        if (!Base64Url.IsValid(text) || !Base64Url.TryDecodeFromChars(text, bytes, out int written)) return false;
        var decoded = bytes[..written];
        // Epochs have no dots: the first one ends the epoch, a second one starts the market state.
        int dot = decoded.IndexOf((byte)'.');
        if (dot <= 0 || !IsEpoch(decoded[..dot])) return false;
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
        var parsed = new PollCursor(Encoding.ASCII.GetString(decoded[..dot]), offset, market);
        // Round-trip so padding, leading zeros or signs cannot make two texts mean one cursor.
        if (parsed.ToString() != text) return false;
        cursor = parsed;
        return true;
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
