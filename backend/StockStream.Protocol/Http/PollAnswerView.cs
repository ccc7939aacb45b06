using System.Text;

namespace StockStream.Protocol.Http;

/// <summary>
/// The members of a poll answer besides its ticks and quotes, as read in place: <see cref="Cursor"/> and
/// <see cref="Epoch"/> are UTF-8 bytes in the body, decoded to strings only by the caller that needs them.
/// </summary>
public readonly ref struct PollAnswerView
{
    public PollAnswerView(ReadOnlySpan<byte> cursor, int tickCount, bool missed, int quoteCount, MarketState market, ReadOnlySpan<byte> epoch, long serverTime)
    {
        Cursor = cursor;
        TickCount = tickCount;
        Missed = missed;
        QuoteCount = quoteCount;
        Market = market;
        Epoch = epoch;
        ServerTime = serverTime;
    }

    /// <summary>The cursor to send with the next poll, as UTF-8 (ASCII) bytes.</summary>
    public ReadOnlySpan<byte> Cursor { get; }

    public int TickCount { get; }

    /// <summary>The client lost ticks: its cursor was too old or of another epoch (or a slow SSE reader was conflated).</summary>
    public bool Missed { get; }

    public int QuoteCount { get; }

    public MarketState Market { get; }

    /// <summary>The stream's epoch, as UTF-8 bytes.</summary>
    public ReadOnlySpan<byte> Epoch { get; }

    /// <summary>When the server wrote the answer, in Unix microseconds; 0 from a server that predates this member.</summary>
    public long ServerTime { get; }

    public string CursorText() => Encoding.UTF8.GetString(Cursor);

    public string EpochText() => Encoding.UTF8.GetString(Epoch);
}
