using StockStream.Protocol;

namespace StockStream.Server.Backplane;

/// <summary>
/// What a backplane feeds on its node: the hub. The backplane is its only writer, one call at a time, in offset
/// order; it reads back where the node stands to resume a generator or store quotes for joining nodes.
/// </summary>
public interface ITickSink
{
    /// <summary>Names this incarnation of the stream: it changes whenever seq numbering restarts.</summary>
    string Epoch { get; }

    /// <summary>Offset of the newest tick taken in.</summary>
    ulong Offset { get; }

    /// <summary>The market state this node's clients are told.</summary>
    MarketState MarketState { get; }

    /// <summary>Every symbol's quote as of <see cref="Offset"/> (read while no batch is being taken in).</summary>
    IReadOnlyList<Quote> Quotes();

    /// <summary>Takes the batch that follows <see cref="Offset"/>.</summary>
    void Publish(TickBatch batch);

    /// <summary>
    /// Takes the batch that follows <see cref="Offset"/> only while the market is open, checked atomically with
    /// <see cref="SetMarketState"/>: false, and nothing taken in, when it is not.
    /// </summary>
    bool PublishWhileOpen(TickBatch batch);

    void SetMarketState(MarketState state);

    /// <summary>
    /// Adopts a shared stream before any client is served: its epoch, its quotes as of <paramref name="offset"/>
    /// (null: the opening quotes), and the offset its history starts after (older cursors have missed ticks).
    /// </summary>
    void Restore(string epoch, ulong offset, IReadOnlyList<Quote>? quotes, ulong heldAfter);

    /// <summary>Adds a batch from before the restored offset to the history only (its ticks are in the quotes already).</summary>
    void RestoreHistory(TickBatch batch);
}
