using StockStream.Server.Streaming;

namespace StockStream.Tests.Streaming;

public class StreamingOptionsTests
{
    [Theory]
    [InlineData(50, 5_000)]
    [InlineData(5_000, 400)]
    [InlineData(1_000_000, 16)]
    public void HistoryIsSharedOutSoTheWholeStaysWithinItsBudget(int symbols, int perSymbol)
    {
        var options = new StreamingOptions { HistoryMaxTicksPerSymbol = 5_000, HistoryMaxTicks = 2_000_000 };
        Assert.Equal(perSymbol, options.HistoryCapacityPerSymbol(symbols));
    }
}
