using System.CommandLine;
using StockStream.LoadTests.Cli;
using StockStream.LoadTests.Engine;
using StockStream.LoadTests.Transports;
using StockStream.Protocol;

namespace StockStream.LoadTests.Scenarios;

/// <summary>
/// The <c>c100k</c> command: 100,000 WebSocket subscribers on one machine — 8 nodes over Redis (each caps itself below its
/// descriptor limit, about 16,800 streams: the 7 left after a kill still hold every client), 6 agents holding the clients from their own 127.0.0.x, clients spread over the nodes directly as DNS
/// round-robin would (one balancer process could carry only ~9,500), 3 symbols each; 30 s into the hold the last node is killed
/// and its clients reconnect to the others and resume. Every option can still be given to change one part.
/// </summary>
public sealed class C100kRun : ILoadTestRun
{
    public const int Clients = 100_000, Nodes = 8, Agents = 6;

    private readonly TransportRun _ws = new(TransportKind.WebSocket);

    public int PeakClients(RunOptions options) => options.Clients;

    public Task<RunResult> RunAsync(ScenarioExecutor executor, LoadTarget target, RunOptions options, CancellationToken cancellationToken) =>
        _ws.RunAsync(executor, target, options, cancellationToken);

    /// <summary>The preset, for every option the command line does not give.</summary>
    public static RunOptions Apply(RunOptions o, ParseResult result, CommandLineOptions cli)
    {
        bool Given(Option option) => result.GetResult(option) is { Implicit: false };
        return o with
        {
            Clients = Given(cli.Clients) ? o.Clients : Clients,
            Nodes = Given(cli.Nodes) ? o.Nodes : Nodes,
            Backplane = BackplaneKind.Redis,
            Agents = Given(cli.Agents) || Given(cli.AgentUrls) ? o.Agents : Agents,
            SymbolsPerClient = Given(cli.Symbols) ? o.SymbolsPerClient : 3,
            TicksPerSecond = Given(cli.Rate) ? o.TicksPerSecond : 10,
            RampUp = Given(cli.RampUp) ? o.RampUp : TimeSpan.FromSeconds(90),
            Duration = Given(cli.Duration) ? o.Duration : TimeSpan.FromSeconds(60),
            KillNodeAfter = Given(cli.KillNodeAfter) ? o.KillNodeAfter : (Given(cli.WarmUp) ? o.WarmUp : TimeSpan.FromSeconds(2)) + (Given(cli.RampUp) ? o.RampUp : TimeSpan.FromSeconds(90)) + TimeSpan.FromSeconds(30),
            Reconnect = true,
        };
    }
}
