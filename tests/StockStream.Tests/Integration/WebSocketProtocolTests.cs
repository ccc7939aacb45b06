using StockStream.Protocol;
using StockStream.Protocol.Messages;
using StockStream.Tests.Infrastructure;

namespace StockStream.Tests.Integration;

/// <summary>The delivery rules of docs/protocol.md over a real socket.</summary>
public class WebSocketProtocolTests(StockStreamServer server) : IClassFixture<StockStreamServer>
{
    [Fact]
    public async Task HelloComesFirstThenMarketStatus()
    {
        await using var client = await server.ConnectAsync();
        Assert.Equal(Subprotocols.MessagePack, client.Socket.SubProtocol);
        Assert.Equal(1, client.Hello.ProtocolVersion);
        Assert.Equal(15_000, client.Hello.HeartbeatMs);
        Assert.Equal(100, client.Hello.MaxSymbols);
        Assert.Equal(server.Hub.Epoch, client.Hello.Epoch);
        Assert.False(string.IsNullOrEmpty(client.Hello.ConnectionId));
        Assert.InRange(client.Hello.ServerTime, UnixTime.NowMicroseconds(TimeProvider.System) - 60_000_000, UnixTime.NowMicroseconds(TimeProvider.System));
        Assert.Equal(MarketState.Open, client.InitialMarketStatus.State);
    }

    [Fact]
    public async Task ClientOfferingNoSubprotocolIsSpokenToInMessagePackWithoutTheHeader()
    {
        await using var client = await server.ConnectAsync(subprotocol: null);
        Assert.Null(client.Socket.SubProtocol);
        Assert.Equal(server.Hub.Epoch, client.Hello.Epoch);
    }

    [Fact]
    public async Task JsonSubprotocolCarriesTheSameArraysInTextFrames()
    {
        await using var client = await server.ConnectAsync(Subprotocols.Json);
        Assert.Equal(Subprotocols.Json, client.Socket.SubProtocol);
        string symbol = server.BusySymbols(1)[0];
        uint reqId = await client.SubscribeAsync([symbol]);
        var ack = await client.ReceiveAsync<SubAckMessage>();
        Assert.Equal(reqId, ack.ReqId);
        await client.ReceiveAsync<SnapshotMessage>();
        var frame = await client.ReceiveFrameAsync();
        Assert.Equal(System.Net.WebSockets.WebSocketMessageType.Text, frame.Type);
        Assert.StartsWith("[13,[[\"" + symbol + "\",", System.Text.Encoding.UTF8.GetString(frame.Payload));
    }

    [Fact]
    public async Task OfferingBothSubprotocolsSelectsMessagePack()
    {
        var socket = new System.Net.WebSockets.ClientWebSocket();
        socket.Options.AddSubProtocol(Subprotocols.Json);
        socket.Options.AddSubProtocol(Subprotocols.MessagePack);
        using var timeout = new CancellationTokenSource(ProtocolClient.DefaultTimeout);
        await socket.ConnectAsync(server.WebSocketUri(), timeout.Token);
        Assert.Equal(Subprotocols.MessagePack, socket.SubProtocol);
        socket.Abort();
    }

    [Fact]
    public async Task QuerySymbolsSubscribeAtConnectAsRequestZero()
    {
        var symbols = server.BusySymbols(2);
        await using var client = await server.ConnectAsync(query: $"symbols={string.Join(',', symbols)},lower");
        var ack = await client.ReceiveAsync<SubAckMessage>();
        Assert.Equal(0u, ack.ReqId);
        Assert.Equal(symbols, ack.Accepted);
        Assert.Equal(("lower", SymbolRejection.InvalidSymbol), (ack.Rejected[0].Symbol, ack.Rejected[0].Reason));
        var snapshot = await client.ReceiveAsync<SnapshotMessage>();
        Assert.Equal(symbols.Order(), snapshot.Quotes.Select(q => q.Symbol).Order());
    }

    [Fact]
    public async Task TicksContinueFromTheSnapshotWithContiguousSeqs()
    {
        var symbols = server.BusySymbols(3);
        await using var client = await server.ConnectAsync();
        await client.SubscribeAsync(symbols);
        await client.ReceiveAsync<SubAckMessage>();
        var snapshot = await client.ReceiveAsync<SnapshotMessage>();
        var last = snapshot.Quotes.ToDictionary(q => q.Symbol, q => q.Seq);

        int received = 0;
        while (received < 200)
        {
            var ticks = await client.ReceiveAsync<TicksMessage>();
            Assert.Equal(TickFlags.None, ticks.Flags);
            foreach (var tick in ticks.Ticks)
            {
                Assert.Equal(last[tick.Symbol] + 1, tick.Seq);
                last[tick.Symbol] = tick.Seq;
                received++;
            }
        }
    }

    [Fact]
    public async Task ReconnectingClientResumesWithoutAGap()
    {
        string symbol = server.BusySymbols(1)[0];
        ulong lastSeen;
        await using (var first = await server.ConnectAsync(query: $"symbols={symbol}"))
        {
            await first.ReceiveAsync<SubAckMessage>();
            await first.ReceiveAsync<SnapshotMessage>();
            lastSeen = (await first.ReceiveAsync<TicksMessage>()).Ticks[^1].Seq;
        }
        // Let the stream move on while nobody listens.
        await server.Hub.Feeds.Single(f => f.Symbol == symbol).NextTickAsync().WaitAsync(ProtocolClient.DefaultTimeout);
        await server.Hub.Feeds.Single(f => f.Symbol == symbol).NextTickAsync().WaitAsync(ProtocolClient.DefaultTimeout);

        await using var second = await server.ConnectAsync();
        Assert.Equal(second.Hello.Epoch, server.Hub.Epoch);
        await second.SubscribeAsync([symbol], new Dictionary<string, ulong> { [symbol] = lastSeen });
        await second.ReceiveAsync<SubAckMessage>();
        ulong expected = lastSeen + 1;
        while (expected < lastSeen + 20)
        {
            var message = await second.ReceiveAsync();
            var ticks = Assert.IsType<TicksMessage>(message); // a Snapshot here would mean the gap was not filled
            foreach (var tick in ticks.Ticks) Assert.Equal(expected++, tick.Seq);
        }
    }

    [Fact]
    public async Task NoTicksOfASymbolAfterTheSubAckOfItsUnsubscribe()
    {
        var symbols = server.BusySymbols(2);
        await using var client = await server.ConnectAsync(query: $"symbols={string.Join(',', symbols)}");
        await client.ReceiveAsync<SubAckMessage>();
        await client.ReceiveAsync<SnapshotMessage>();
        await client.ReceiveAsync<TicksMessage>();
        uint reqId = client.NextReqId();
        await client.SendAsync(new UnsubscribeMessage(reqId, [symbols[0]]));
        await client.ReceiveUntilAsync<SubAckMessage>(a => a.ReqId == reqId);

        int others = 0;
        while (others < 50)
        {
            var ticks = await client.ReceiveAsync<TicksMessage>();
            Assert.DoesNotContain(ticks.Ticks, t => t.Symbol == symbols[0]);
            others += ticks.Ticks.Count;
        }
    }

    [Fact]
    public async Task PingIsAnsweredWithPongEchoingTheClientTime()
    {
        await using var client = await server.ConnectAsync();
        var ping = client.Format.CreatePing(123_456.75);
        await client.SendAsync(ping);
        var (pong, _) = await client.ReceiveUntilAsync<PongMessage>();
        Assert.Equal(123_456.75, client.Format.ReadNumber(pong.RawClientTime));
        Assert.True(pong.ServerTime > 0);
    }
}
