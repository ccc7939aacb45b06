namespace StockStream.Tests.Architecture;

/// <summary>
/// The server's imports keep to the drawing of docs/architecture.md: no back-edge. A type is reached through a
/// <c>using</c>, a qualified name, or an enclosing namespace; the last is always allowed (a stage's own root, the
/// shared Transports module, the server's root), so the usings and the absence of qualified names say it all.
/// </summary>
public sealed class DependencyDirectionTests
{
    private static readonly ServerSources Sources = ServerSources.Load();

    [Fact]
    public void FindsTheServerSources()
    {
        Assert.Contains(Sources.Files, f => f.Namespace == "StockStream.Server.Streaming" && f.DeclaredTypes.Contains("TickHub"));
        Assert.All(Drawing.Stages, stage => Assert.Contains(Sources.Files, f => Drawing.StageOf(f.Namespace) == stage));
    }

    [Fact]
    public void ImportsPointTheWayTheDataFlows()
    {
        var backEdges = Sources.Files
            .SelectMany(f => f.Usings.Select(u => (f.Path, Reason: Drawing.Forbids(f.Namespace, u))))
            .Where(e => e.Reason is not null)
            .Select(e => $"{e.Path}: {e.Reason}");
        Assert.Empty(backEdges);
    }

    [Fact]
    public void NamesNoStageFullyQualified()
    {
        var qualified = Sources.Files.SelectMany(f => f.QualifiedNames.Select(q => $"{f.Path}: {q}"));
        Assert.Empty(qualified);
    }

    [Theory]
    [InlineData("StockStream.Server.Market", "StockStream.Server.Streaming")]
    [InlineData("StockStream.Server.Market", "StockStream.Server.Backplane.Redis")]
    [InlineData("StockStream.Server.Backplane", "StockStream.Server.Streaming")]
    [InlineData("StockStream.Server.Streaming", "StockStream.Server.Transports")]
    [InlineData("StockStream.Server.Streaming", "StockStream.Server.Hosting")]
    [InlineData("StockStream.Server.Transports.Sse", "StockStream.Server.Transports.LongPolling")]
    [InlineData("StockStream.Server.Transports.Http", "StockStream.Server.Transports.WebSockets")]
    [InlineData("StockStream.Server.Transports.Sse", "StockStream.Server.Transports.WebSockets.Compression")]
    public void TheRuleRefusesBackEdges(string from, string to) => Assert.NotNull(Drawing.Forbids(from, to));

    [Theory]
    [InlineData("StockStream.Server.Market", "StockStream.Server.Backplane")]
    [InlineData("StockStream.Server.Streaming", "StockStream.Server.Market")]
    [InlineData("StockStream.Server.Backplane.Redis", "StockStream.Server.Backplane")]
    [InlineData("StockStream.Server.Transports.Sse", "StockStream.Server.Transports.Http")]
    [InlineData("StockStream.Server.Transports.WebSockets", "StockStream.Server.Streaming")]
    [InlineData("StockStream.Server.Hosting", "StockStream.Server.Transports.Rest")]
    [InlineData("StockStream.Server.Transports.WebSockets", "StockStream.Server.Transports.WebSockets.Compression")]
    [InlineData("StockStream.Server.Transports.WebSockets.Compression", "StockStream.Server.Transports.WebSockets")]
    public void TheRuleAllowsWhatTheDrawingAllows(string from, string to) => Assert.Null(Drawing.Forbids(from, to));
}
