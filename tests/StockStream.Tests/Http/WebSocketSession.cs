using StockStream.Protocol;
using StockStream.Protocol.Messages;
using StockStream.Tests.Infrastructure;

namespace StockStream.Tests.Http;

/// <summary>The contract's view of <c>/ws</c>: Snapshot and Ticks frames, a resume map as the token.</summary>
public sealed class WebSocketSession(ProtocolClient client) : TransportSession
{
    private readonly Dictionary<string, ulong> _lastSeq = [];

    public static async Task<WebSocketSession> OpenAsync(StockStreamServer server, IReadOnlyList<string> symbols, object? resumeToken)
    {
        var client = await server.ConnectAsync();
        await client.SubscribeAsync(symbols, (IReadOnlyDictionary<string, ulong>?)resumeToken);
        return new WebSocketSession(client);
    }

    public override object ResumeToken => new Dictionary<string, ulong>(_lastSeq);

    public override async Task<Delivery> NextAsync()
    {
        while (true)
        {
            if (ToDelivery(await client.ReceiveAsync()) is { } delivery) return delivery;
        }
    }

    public override async Task<IReadOnlyList<Delivery>> UnsubscribeAsync(string symbol)
    {
        uint reqId = client.NextReqId();
        await client.SendAsync(new UnsubscribeMessage(reqId, [symbol]));
        var before = new List<Delivery>();
        while (true)
        {
            var message = await client.ReceiveAsync();
            if (message is SubAckMessage ack && ack.ReqId == reqId) return before;
            if (ToDelivery(message) is { } delivery) before.Add(delivery);
        }
    }

    private Delivery? ToDelivery(ServerMessage message)
    {
        switch (message)
        {
            case SnapshotMessage snapshot:
                foreach (var quote in snapshot.Quotes) _lastSeq[quote.Symbol] = quote.Seq;
                return new Delivery(snapshot.Quotes, [], Gap: false);
            case TicksMessage ticks:
                foreach (var tick in ticks.Ticks) _lastSeq[tick.Symbol] = tick.Seq;
                return new Delivery([], ticks.Ticks, (ticks.Flags & TickFlags.Conflated) != 0);
            default:
                return null;
        }
    }

    public override ValueTask DisposeAsync() => client.DisposeAsync();
}
