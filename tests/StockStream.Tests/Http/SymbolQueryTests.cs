using StockStream.Server.Transports.Http;
using StockStream.Tests.Streaming;

namespace StockStream.Tests.Http;

/// <summary>How a <c>symbols</c> list resolves to feeds: in order, each once, refused past the limit.</summary>
public class SymbolQueryTests
{
    [Theory]
    [InlineData(3)] // checked for repeats by scanning
    [InlineData(40)] // past the scan, by a set
    public void EachSymbolResolvesOnceInTheOrderFirstNamed(int distinct)
    {
        var kit = new StreamingTestKit(symbols: 50, maxSymbols: 50);
        var names = Enumerable.Range(0, distinct).Select(kit.Symbol).ToList();
        string list = string.Join(',', names.Concat(names.AsEnumerable().Reverse()).Append(names[0]));

        Assert.True(SymbolQuery.TryResolveList(kit.Hub, list, out var feeds, out _));

        Assert.Equal(names, feeds.Select(f => f.Symbol));
    }

    [Fact]
    public void OneSymbolMoreThanAllowedIsRefusedHoweverOftenTheOthersRepeat()
    {
        var kit = new StreamingTestKit(symbols: 50, maxSymbols: 20);
        var names = Enumerable.Range(0, 21).Select(kit.Symbol).ToList();
        string repeated = string.Join(',', Enumerable.Repeat(names[..20], 5).SelectMany(n => n));

        Assert.True(SymbolQuery.TryResolveList(kit.Hub, repeated, out var allowed, out _));
        Assert.Equal(20, allowed.Length);
        Assert.False(SymbolQuery.TryResolveList(kit.Hub, repeated + "," + names[20], out var none, out var problem));
        Assert.Empty(none);
        Assert.Equal(20, problem.ProblemDetails.Extensions["maxSymbols"]);
    }
}
