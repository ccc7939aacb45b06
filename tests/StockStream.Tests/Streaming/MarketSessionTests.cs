using StockStream.Protocol;
using StockStream.Server.Streaming;

namespace StockStream.Tests.Streaming;

/// <summary>Quotes' sessions: a reopen after a close starts one (open = last price, volume 0, seq goes on); a halt does not.</summary>
public class MarketSessionTests
{
    private readonly StreamingTestKit _kit = new();

    [Fact]
    public void ReopeningAfterACloseStartsANewSessionAtTheLastPrice()
    {
        string symbol = _kit.Symbol(0);
        _kit.Publish(symbol);
        var last = _kit.Publish(symbol)[0];
        _kit.Hub.SetMarketState(MarketState.Closed);
        _kit.Hub.SetMarketState(MarketState.Open);

        Assert.Equal(new Quote(symbol, last.Seq, last.Price, last.Price, last.Price, last.Price, 0, last.Time), QuoteOf(symbol));
        var next = _kit.Publish(symbol)[0];
        Assert.Equal(last.Seq + 1, next.Seq);
        Assert.Equal(new Quote(symbol, next.Seq, next.Price, last.Price, next.Price, last.Price, next.Size, next.Time), QuoteOf(symbol));
    }

    [Fact]
    public void AHaltAndReopenKeepsTheSession()
    {
        string symbol = _kit.Symbol(0);
        _kit.Publish(symbol);
        _kit.Publish(symbol);
        var before = QuoteOf(symbol);
        _kit.Hub.SetMarketState(MarketState.Halted);
        _kit.Hub.SetMarketState(MarketState.Open);
        Assert.Equal(before, QuoteOf(symbol));
    }

    [Fact]
    public void AClosedMarketThatIsHaltedBeforeReopeningStillStartsANewSession()
    {
        string symbol = _kit.Symbol(0);
        var last = _kit.Publish(symbol)[0];
        _kit.Publish(symbol);
        _kit.Hub.SetMarketState(MarketState.Closed);
        _kit.Hub.SetMarketState(MarketState.Halted);
        _kit.Hub.SetMarketState(MarketState.Open);
        var quote = QuoteOf(symbol);
        Assert.Equal((quote.Price, quote.Price, quote.Price, 0L), (quote.Open, quote.High, quote.Low, quote.Volume));
        Assert.NotEqual(last.Price, quote.Open);
    }

    [Fact]
    public void ASymbolThatHasNotTickedStartsItsSessionAtTheReopen()
    {
        string symbol = _kit.Symbol(1);
        var before = QuoteOf(symbol);
        _kit.Hub.SetMarketState(MarketState.Closed);
        long reopened = UnixTime.NowMicroseconds(TimeProvider.System);
        _kit.Hub.SetMarketState(MarketState.Open);
        var quote = QuoteOf(symbol);
        Assert.Equal(before with { Time = quote.Time }, quote);
        Assert.True(quote.Time >= reopened);
    }

    [Fact]
    public void QuotesRestoredFromASharedStreamAreNotRestartedByTheStateTheyJoinIn()
    {
        // A node that starts closed joins a stream whose session began at its last reopen: the shared quotes win.
        string symbol = _kit.Symbol(0);
        _kit.Hub.SetMarketState(MarketState.Closed);
        var shared = new Quote(symbol, 7, 101, 100, 102, 99, 5_000, UnixTime.NowMicroseconds(TimeProvider.System));
        _kit.Hub.Restore("shared-epoch", offset: 40, [shared], heldAfter: 40);
        _kit.Hub.SetMarketState(MarketState.Open);
        Assert.Equal(shared, QuoteOf(symbol));

        _kit.Hub.SetMarketState(MarketState.Closed);
        _kit.Hub.SetMarketState(MarketState.Open);
        Assert.Equal(shared with { Open = 101, High = 101, Low = 101, Volume = 0 }, QuoteOf(symbol));
    }

    private Quote QuoteOf(string symbol)
    {
        Assert.True(_kit.Hub.TryGetFeed(symbol, out var feed));
        return feed.Quote;
    }
}
