using StockStream.Protocol;

namespace StockStream.Server.Backplane;

/// <summary>
/// Where a generator taking the lease continues: after stream offset <see cref="Offset"/>, with seqs and prices
/// from every symbol's last <see cref="Quotes"/>. Offset 0 is a fresh market.
/// </summary>
public sealed record ResumePoint(ulong Offset, IReadOnlyList<Quote> Quotes)
{
    public bool IsFresh => Offset == 0;

    /// <summary>Where <paramref name="sink"/> stands; call while nothing else feeds it.</summary>
    public static ResumePoint Of(ITickSink sink) => new(sink.Offset, sink.Quotes());
}
