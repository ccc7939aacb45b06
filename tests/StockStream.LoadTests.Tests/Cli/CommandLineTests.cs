using System.CommandLine;
using StockStream.LoadTests.Cli;
using StockStream.LoadTests.Scenarios;
using StockStream.LoadTests.Scenarios.Abuse;
using StockStream.LoadTests.Server;
using StockStream.LoadTests.Transports;
using StockStream.Protocol;

namespace StockStream.LoadTests.Tests.Cli;

public class CommandLineTests
{
    private readonly CommandLineOptions _options = new();
    private readonly RootCommand _root;

    public CommandLineTests()
    {
        _root = new RootCommand();
        foreach (var option in _options.All) _root.Options.Add(option);
    }

    [Fact]
    public void ReadsTheSmokeCompareCommandLine()
    {
        var options = Read("--clients 50 --duration 10s --smoke --transports ws,long-poll,signalr");

        Assert.Equal(50, options.Clients);
        Assert.Equal(TimeSpan.FromSeconds(10), options.Duration);
        Assert.Equal([TransportKind.WebSocket, TransportKind.LongPoll, TransportKind.SignalR], options.Transports);
        Assert.Equal(0, options.MaxErrors);
        Assert.Equal(0.99, options.MinDelivery);
        Assert.Equal(0, options.MaxGapTicks);
    }

    [Fact]
    public void ReadsTheDeflateTransports()
    {
        var options = Read("--transports ws,ws-deflate,ws-json-deflate");

        Assert.Equal([TransportKind.WebSocket, TransportKind.WebSocketDeflate, TransportKind.WebSocketJsonDeflate], options.Transports);
        Assert.All(options.Transports.Skip(1), k => Assert.True(k.OffersDeflate()));
        Assert.Equal(WireFormat.Json, TransportKind.WebSocketJsonDeflate.WebSocketFormat());
    }

    [Fact]
    public void HasNoThresholdsUnlessAsked()
    {
        var options = Read("--max-p99 25");

        Assert.Null(options.MaxErrors);
        Assert.Null(options.MinDelivery);
        Assert.Equal(25, options.MaxP99Ms);
        Assert.Equal(TransportNames.All, options.Transports);
    }

    [Fact]
    public void ReadsTheServerAddress() =>
        Assert.Equal([new Uri("http://localhost:5987")], Read("--url http://localhost:5987").Urls);

    [Fact]
    public void ReadsSeveralNodeAddresses() =>
        Assert.Equal([new Uri("http://127.0.0.1:5001"), new Uri("http://127.0.0.1:5002/")], Read("--url http://127.0.0.1:5001,http://127.0.0.1:5002/").Urls);

    [Fact]
    public void StartsOneNodeInProcessUnlessAsked()
    {
        var options = Read("--clients 5");

        Assert.Equal(1, options.Nodes);
        Assert.Equal(BackplaneKind.InProcess, options.Backplane);
        Assert.Empty(options.Urls);
    }

    [Fact]
    public void ReadsNodesOverRedis()
    {
        var options = Read("--nodes 3 --backplane redis");

        Assert.Equal(3, options.Nodes);
        Assert.Equal(BackplaneKind.Redis, options.Backplane);
    }

    [Theory]
    [InlineData("--nodes 2", "--nodes above 1 needs --backplane redis")]
    [InlineData("--nodes 2 --backplane inprocess", "--nodes above 1 needs --backplane redis")]
    [InlineData("--backplane kafka", "--backplane must be a backplane: inprocess or redis, not 'kafka'")]
    [InlineData("--url http://127.0.0.1:5001 --backplane redis", "--url names running nodes")]
    [InlineData("--url http://127.0.0.1:5001,http://127.0.0.1:5002 --nodes 2", "--url names running nodes")]
    [InlineData("--url http://127.0.0.1:5001,5002", "--url: '5002' is not an http:// or https:// address")]
    [InlineData("--nodes 0", "--nodes must be a whole number between 1 and 8, not '0'")]
    public void RefusesNodeSettingsThatCannotWork(string args, string error) =>
        Assert.Contains(_root.Parse(args).Errors, e => e.Message.StartsWith(error, StringComparison.Ordinal));

    [Fact]
    public void ACommandsDefaultClientsStandUnlessClientsIsGiven()
    {
        Assert.Equal(1000, _options.Read(_root.Parse("--duration 5s"), defaultClients: 1000).Clients);
        Assert.Equal(50, _options.Read(_root.Parse("--clients 50"), defaultClients: 1000).Clients);
        Assert.Equal(100, _options.Read(_root.Parse("--duration 5s")).Clients);
    }

    [Fact]
    public void ACommandsDefaultWarmUpStandsUnlessWarmUpIsGiven()
    {
        var six = TimeSpan.FromSeconds(6);
        Assert.Equal(six, _options.Read(_root.Parse("--duration 5s"), defaultWarmUp: six).WarmUp);
        Assert.Equal(TimeSpan.FromSeconds(1), _options.Read(_root.Parse("--warm-up 1s"), defaultWarmUp: six).WarmUp);
        Assert.Equal(TimeSpan.FromSeconds(2), _options.Read(_root.Parse("--duration 5s")).WarmUp);
    }

    [Theory]
    [InlineData("--url localhost:5987")]
    [InlineData("--url ftp://host/")]
    [InlineData("--duration 11m")]
    [InlineData("--duration soon")]
    [InlineData("--clients 20001")]
    [InlineData("--clients -1")]
    public void RefusesUnboundedOrMalformedRuns(string args) => Assert.NotEmpty(_root.Parse(args).Errors);

    [Fact]
    public void ReadsTheAttacksByNameInTheListsOrderAndRunsAllUnlessAsked()
    {
        var chosen = Read("--attacks Resume-Readers,forged-cursors --attacker-nice 5");

        Assert.Equal(["resume-readers", "forged-cursors"], chosen.Attacks);
        Assert.Equal(5, chosen.AttackerNice);
        Assert.Equal(AttackList.Names, Read("--duration 5s").Attacks);
        Assert.Equal(10, Read("--duration 5s").AttackerNice);
    }

    [Theory]
    [InlineData("500ms", 0.5)]
    [InlineData("10s", 10)]
    [InlineData("2m", 120)]
    [InlineData("7", 7)]
    public void ParsesDurations(string text, double seconds)
    {
        Assert.True(DurationParser.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Fact]
    public void CapacityStepsGrowByTheFactorUpToTheClients() =>
        Assert.Equal([50, 100, 200, 400, 800, 1000], CapacityRun.Steps(new RunOptions { StartClients = 50, StepFactor = 2, Clients = 1000 }));

    private RunOptions Read(string args)
    {
        var result = _root.Parse(args);
        Assert.Empty(result.Errors);
        return _options.Read(result);
    }
}
