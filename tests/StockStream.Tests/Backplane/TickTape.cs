using StockStream.Protocol;
using StockStream.Protocol.Messages;
using StockStream.Tests.Infrastructure;

namespace StockStream.Tests.Backplane;

/// <summary>One client's record of the stream: every tick read, checked as it comes to continue its symbol's seq by one.</summary>
public sealed class TickTape
{
    private readonly ProtocolClient _client;
    private readonly Dictionary<string, ulong> _last;

    private TickTape(ProtocolClient client, Dictionary<string, ulong> last)
    {
        _client = client;
        _last = last;
    }

    public List<Tick> Ticks { get; } = [];

    public List<MarketState> MarketStates { get; } = [];

    /// <summary>The last seq seen of each symbol: where a resume continues.</summary>
    public IReadOnlyDictionary<string, ulong> LastSeqs => _last;

    /// <summary>Subscribes; without <paramref name="resume"/> the Snapshot's quotes are where each symbol starts.</summary>
    public static async Task<TickTape> StartAsync(ProtocolClient client, IReadOnlyList<string> symbols, IReadOnlyDictionary<string, ulong>? resume = null)
    {
        await client.SubscribeAsync(symbols, resume);
        await client.ReceiveAsync<SubAckMessage>();
        var last = resume is null
            ? (await client.ReceiveAsync<SnapshotMessage>()).Quotes.ToDictionary(q => q.Symbol, q => q.Seq)
            : new Dictionary<string, ulong>(resume);
        return new TickTape(client, last);
    }

    /// <summary>Reads until <paramref name="count"/> more ticks have come.</summary>
    public async Task ReadTicksAsync(int count)
    {
        int target = Ticks.Count + count;
        while (Ticks.Count < target) await ReadOneAsync();
    }

    /// <summary>Reads (recording ticks) until the market is announced in <paramref name="state"/>.</summary>
    public async Task ReadUntilMarketAsync(MarketState state)
    {
        while (MarketStates.Count == 0 || MarketStates[^1] != state) await ReadOneAsync();
    }

    private async Task ReadOneAsync()
    {
        switch (await _client.ReceiveAsync())
        {
            case TicksMessage message:
                foreach (var tick in message.Ticks)
                {
                    Assert.True(tick.Seq == _last[tick.Symbol] + 1,
                        $"{tick.Symbol}: seq {tick.Seq} after {_last[tick.Symbol]} — a gap or a repeat");
                    _last[tick.Symbol] = tick.Seq;
                    Ticks.Add(tick);
                }
                break;
            case MarketStatusMessage status:
                MarketStates.Add(status.State);
                break;
            case SnapshotMessage:
                Assert.Fail("A Snapshot in mid-stream: the gap was not filled with the missed ticks.");
                break;
        }
    }
}
