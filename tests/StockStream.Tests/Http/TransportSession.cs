using StockStream.Protocol;

namespace StockStream.Tests.Http;

/// <summary>What a client received in one step, whatever the transport: Quotes that (re)start symbols, then ticks.</summary>
public sealed record Delivery(IReadOnlyList<Quote> Quotes, IReadOnlyList<Tick> Ticks, bool Gap);

/// <summary>One client's subscription over some transport, driven the same way by the contract tests.</summary>
public abstract class TransportSession : IAsyncDisposable
{
    /// <summary>The next delivery that carries Quotes or ticks; bounded by the client's timeout.</summary>
    public abstract Task<Delivery> NextAsync();

    /// <summary>What a reconnecting client hands back to continue where it stopped (resume map, cursor, Last-Event-ID).</summary>
    public abstract object ResumeToken { get; }

    /// <summary>
    /// Stops one symbol; returns once the transport guarantees no more of its ticks, with what arrived before that.
    /// </summary>
    public abstract Task<IReadOnlyList<Delivery>> UnsubscribeAsync(string symbol);

    public abstract ValueTask DisposeAsync();
}
