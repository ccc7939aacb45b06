using System.Text;
using StockStream.LoadTests.Wire;

namespace StockStream.LoadTests.Tests.Wire;

public class SymbolTableTests
{
    // Lengths 1 to 12, on both sides of the 8 bytes the first word of a key holds, and pairs that differ only past them.
    private static readonly string[] Market = ["A", "AAPL", "BRK.B", "ABCDEFG", "ABCDEFGH", "ABCDEFGHI", "ABCDEFGHIJKL", "ABCDEFGHIJKM", "ABCDEFGHIJK"];

    [Fact]
    public void FindsEverySymbolByItsBytes()
    {
        var table = new SymbolTable(Market);

        Assert.Equal(Enumerable.Range(0, Market.Length), Market.Select(s => table.IndexOf(Encoding.ASCII.GetBytes(s))));
    }

    [Theory]
    [InlineData("AAP")]
    [InlineData("AAPLX")]
    [InlineData("ABCDEFGHIJ")]
    [InlineData("ABCDEFGHIJKN")]
    [InlineData("aapl")]
    [InlineData("")]
    [InlineData("ABCDEFGHIJKLM")]
    public void DoesNotFindWhatItDoesNotHold(string symbol)
    {
        var table = new SymbolTable(Market);

        Assert.Equal(-1, table.IndexOf(Encoding.ASCII.GetBytes(symbol)));
    }

    [Fact]
    public void HoldsAThousandSymbolsAndRepeatsOnce()
    {
        string[] symbols = [.. Enumerable.Range(0, 1_000).Select(i => $"S{i}")];
        var table = new SymbolTable([.. symbols, "S1", "S2"]);

        Assert.Equal(1_000, table.Count);
        Assert.All(Enumerable.Range(0, 1_000), i => Assert.Equal(i, table.IndexOf(Encoding.ASCII.GetBytes(symbols[i]))));
    }
}
