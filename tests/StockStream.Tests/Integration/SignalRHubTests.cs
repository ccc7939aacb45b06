using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using StockStream.Tests.Infrastructure;

namespace StockStream.Tests.Integration;

/// <summary>The <c>/hub</c> baseline's contract, through the real SignalR client and the MessagePack hub protocol.</summary>
public class SignalRHubTests(StockStreamServer server) : IClassFixture<StockStreamServer>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private sealed record HubTick(string Symbol, ulong Seq, double Price, long Size, long Time);

    private Task<(HubConnection Connection, Channel<HubTick> Ticks, Channel<(string State, long Time)> Market)> ConnectAsync() => ConnectAsync(server);

    private static async Task<(HubConnection Connection, Channel<HubTick> Ticks, Channel<(string State, long Time)> Market)> ConnectAsync(StockStreamServer server)
    {
        var ticks = Channel.CreateUnbounded<HubTick>();
        var market = Channel.CreateUnbounded<(string, long)>();
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "hub"))
            .AddMessagePackProtocol()
            .Build();
        connection.On<string, ulong, double, long, long>("tick", (s, seq, p, size, t) => ticks.Writer.TryWrite(new HubTick(s, seq, p, size, t)));
        connection.On<string, long>("market", (state, time) => market.Writer.TryWrite((state, time)));
        using var timeout = new CancellationTokenSource(Timeout);
        await connection.StartAsync(timeout.Token);
        return (connection, ticks, market);
    }

    [Fact]
    public async Task SendsTheMarketStateOnConnect()
    {
        var (connection, _, market) = await ConnectAsync();
        await using var _ = connection;
        var (state, time) = await market.Reader.ReadAsync().AsTask().WaitAsync(Timeout);
        Assert.Equal("open", state);
        Assert.True(time > 0);
    }

    [Fact]
    public async Task SubscribeReturnsQuotesThenTicksFollowThem()
    {
        var (connection, ticks, _) = await ConnectAsync();
        await using var _ = connection;
        var symbols = server.BusySymbols(3);
        var quotes = await connection.InvokeAsync<object[][]>("Subscribe", symbols.ToArray()).WaitAsync(Timeout);

        Assert.Equal(symbols, quotes.Select(q => (string)q[0]));
        Assert.All(quotes, q => Assert.Equal(8, q.Length));
        var quoteSeq = quotes.ToDictionary(q => (string)q[0], q => Convert.ToUInt64(q[1]));
        // The broadcaster may still hold ticks published before the quote was read (the hub promises no ordering
        // between a Subscribe's quotes and the group's broadcasts): what it does promise is newer ticks that follow.
        HubTick tick;
        do
        {
            tick = await ticks.Reader.ReadAsync().AsTask().WaitAsync(Timeout);
            Assert.Contains(tick.Symbol, symbols);
            Assert.True(tick.Price > 0 && tick.Size > 0 && tick.Time > 0);
        }
        while (tick.Seq <= quoteSeq[tick.Symbol]);
    }

    [Fact]
    public async Task UnknownSymbolFailsTheWholeCallNamingIt()
    {
        var (connection, _, _) = await ConnectAsync();
        await using var _ = connection;
        var e = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<object[][]>("Subscribe", new[] { server.BusySymbols(1)[0], "NOPE" }).WaitAsync(Timeout));
        Assert.Contains("NOPE", e.Message);
        var invalid = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<object[][]>("Subscribe", new[] { "bad symbol" }).WaitAsync(Timeout));
        Assert.Contains("bad symbol", invalid.Message);
    }

    [Fact]
    public async Task MoreThanMaxSymbolsFailsTheWholeCall()
    {
        var limited = new StockStreamServer(new Dictionary<string, string?> { ["Streaming:MaxSymbols"] = "2" });
        await limited.InitializeAsync();
        try
        {
            var (connection, _, _) = await ConnectAsync(limited);
            await using var _ = connection;
            var symbols = limited.BusySymbols(3);
            await connection.InvokeAsync<object[][]>("Subscribe", new[] { symbols[0], symbols[1] }).WaitAsync(Timeout);
            // Resubscribing counts nothing twice; one symbol more does.
            await connection.InvokeAsync<object[][]>("Subscribe", new[] { symbols[1] }).WaitAsync(Timeout);
            var e = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<object[][]>("Subscribe", new[] { symbols[2] }).WaitAsync(Timeout));
            Assert.Contains("2 symbols", e.Message);
            await connection.InvokeAsync("Unsubscribe", new[] { symbols[0] }).WaitAsync(Timeout);
            await connection.InvokeAsync<object[][]>("Subscribe", new[] { symbols[2] }).WaitAsync(Timeout);
        }
        finally
        {
            await limited.DisposeAsync();
        }
    }

    [Fact]
    public async Task BroadcastsEveryChangeOfMarketState()
    {
        var own = new StockStreamServer();
        await own.InitializeAsync();
        try
        {
            var (connection, _, market) = await ConnectAsync(own);
            await using var _ = connection;
            Assert.Equal("open", (await market.Reader.ReadAsync().AsTask().WaitAsync(Timeout)).State);
            own.Hub.SetMarketState(StockStream.Protocol.MarketState.Halted);
            Assert.Equal("halted", (await market.Reader.ReadAsync().AsTask().WaitAsync(Timeout)).State);
            own.Hub.SetMarketState(StockStream.Protocol.MarketState.Open);
            Assert.Equal("open", (await market.Reader.ReadAsync().AsTask().WaitAsync(Timeout)).State);
        }
        finally
        {
            await own.DisposeAsync();
        }
    }
}
