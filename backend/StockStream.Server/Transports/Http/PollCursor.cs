using System.Buffers.Text;
using System.Text;

namespace StockStream.Server.Transports.Http;

/// <summary>
/// Where a long-poll client (or an SSE stream) stands: the epoch of the stream and the hub offset up to which it
/// has everything. Clients see it as opaque base64url text.
/// </summary>
public readonly record struct PollCursor(string Epoch, ulong Offset)
{
    private const int MaxTextLength = 96;

    public override string ToString() => Base64Url.EncodeToString(Encoding.ASCII.GetBytes($"{Epoch}.{Offset}"));

    /// <summary>Strict: only the exact text this class writes is accepted.</summary>
    public static bool TryParse(string? text, out PollCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(text) || text.Length > MaxTextLength) return false;
        Span<byte> bytes = stackalloc byte[MaxTextLength];
        if (!Base64Url.IsValid(text) || !Base64Url.TryDecodeFromChars(text, bytes, out int written)) return false;
        var decoded = bytes[..written];
        int dot = decoded.LastIndexOf((byte)'.');
        if (dot <= 0 || !IsEpoch(decoded[..dot])) return false;
        if (!Utf8Parser.TryParse(decoded[(dot + 1)..], out ulong offset, out int consumed) || consumed != decoded.Length - dot - 1)
            return false;
        var parsed = new PollCursor(Encoding.ASCII.GetString(decoded[..dot]), offset);
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
