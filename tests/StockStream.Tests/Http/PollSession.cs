using StockStream.Tests.Infrastructure;

namespace StockStream.Tests.Http;

/// <summary>The contract's view of <c>/api/poll</c>: one poll after another, the cursor as the token.</summary>
public sealed class PollSession(StockStreamServer server, List<string> symbols, string? cursor, bool messagePack) : TransportSession
{
    private readonly CancellationTokenSource _stop = new();

    public override object ResumeToken => cursor!;

    public override async Task<Delivery> NextAsync()
    {
        using var deadline = new CancellationTokenSource(ProtocolClient.DefaultTimeout);
        while (true)
        {
            var reply = await server.PollAsync(symbols, cursor, timeoutMs: 5_000, messagePack, _stop.Token).WaitAsync(deadline.Token);
            cursor = reply.Cursor;
            if (reply.Quotes.Count > 0 || reply.Ticks.Count > 0) return new Delivery(reply.Quotes, reply.Ticks, reply.Missed);
        }
    }

    /// <summary>A poller stops a symbol by no longer naming it.</summary>
    public override Task<IReadOnlyList<Delivery>> UnsubscribeAsync(string symbol)
    {
        symbols.Remove(symbol);
        return Task.FromResult<IReadOnlyList<Delivery>>([]);
    }

    public override ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _stop.Dispose();
        return ValueTask.CompletedTask;
    }
}
