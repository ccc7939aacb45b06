using System.CommandLine;
using StockStream.LoadTests.Agents;
using StockStream.LoadTests.Cluster;
using StockStream.LoadTests.Scenarios;
using StockStream.LoadTests.Transports;

namespace StockStream.LoadTests.Cli;

/// <summary>The command tree: one subcommand per scenario, all sharing <see cref="CommandLineOptions"/>.</summary>
public static class LoadTestCommand
{
    public static RootCommand Create(LoadTestApp app, string[] args)
    {
        var options = new CommandLineOptions();
        var root = new RootCommand("StockStream load tests: WebSocket vs SSE vs long polling vs SignalR, with tick age, delivery and resource use.");
        foreach (var option in options.All)
        {
            option.Recursive = true;
            root.Options.Add(option);
        }

        Add("ws", "N clients × M symbols over WebSocket (MessagePack)", new TransportRun(TransportKind.WebSocket));
        Add("ws-json", "The same over WebSocket with the JSON subprotocol", new TransportRun(TransportKind.WebSocketJson));
        Add("sse", "The same over Server-Sent Events", new TransportRun(TransportKind.Sse));
        Add("long-poll", "The same over HTTP long polling", new TransportRun(TransportKind.LongPoll));
        Add("signalr", "The same over the SignalR baseline hub (/hub, MessagePack hub protocol)", new TransportRun(TransportKind.SignalR));
        Add("compare", "The same load over each transport in turn: side-by-side table and charts", new CompareRun());
        Add("connections", "Ramp idle WebSocket connections to --clients; server memory per connection", new ConnectionsRun());
        Add("slow-consumer", "Some clients stop reading: the others' tick age and server memory must stay bounded", new SlowConsumerRun());
        Add("capacity", "Raise clients step by step (over the first of --transports) until tick age p99 passes --p99-limit; report the knee", new CapacityRun());
        Add("scale-out", "The same WebSocket load (1,000 clients unless --clients) on 1 node in-process, 1 node over Redis and 2 nodes over Redis, each started here: what the backplane costs", new ScaleOutRun());
        var c100k = new C100kRun();
        var c100kCommand = new Command("c100k", "100,000 WebSocket subscribers: 7 nodes over Redis, 6 agents, clients spread over the nodes, one node killed mid-run (any option overrides a part)");
        c100kCommand.SetAction((result, cancellationToken) =>
            app.RunAsync("c100k", c100k, C100kRun.Apply(options.Read(result), result, options), "load " + string.Join(' ', args), cancellationToken));
        root.Subcommands.Add(c100kCommand);
        root.Subcommands.Add(ClusterCommand.Create(options, Console.Out));
        root.Subcommands.Add(AgentCommand.Create(Console.Out));
        return root;

        void Add(string name, string description, ILoadTestRun run)
        {
            var command = new Command(name, description);
            command.SetAction((result, cancellationToken) =>
                app.RunAsync(name, run, options.Read(result, run.DefaultClients), "load " + string.Join(' ', args), cancellationToken));
            root.Subcommands.Add(command);
        }
    }
}
