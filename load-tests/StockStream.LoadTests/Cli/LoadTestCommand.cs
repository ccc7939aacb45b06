using System.CommandLine;
using StockStream.LoadTests.Agents;
using StockStream.LoadTests.Cluster;
using StockStream.LoadTests.Scenarios;
using StockStream.LoadTests.Scenarios.Abuse;
using StockStream.LoadTests.Transports;

namespace StockStream.LoadTests.Cli;

/// <summary>The command tree: one subcommand per scenario, all sharing <see cref="CommandLineOptions"/>.</summary>
public static class LoadTestCommand
{
    /// <summary>
    /// Parses and runs a command line. A bad one is answered with one line per problem, naming the option and value, on
    /// <paramref name="error"/>, and exit code <see cref="LoadTestApp.CouldNotRun"/>: no help text, no exception.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var root = Create(new LoadTestApp(output), args, error);
        ParseResult result;
        try
        {
            result = root.Parse(args);
        }
        catch (InvalidOperationException e)
        {
            // A validator that converted a malformed value: its message names the option and the value.
            return Refuse(error, [e.Message]);
        }
        if (result.Errors.Count > 0) return Refuse(error, Problems(root, result));
        // Ctrl+C cancels the run; it then closes its connections, stops the server it started and writes the reports.
        var invocation = new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30), Output = output, Error = error };
        return await result.InvokeAsync(invocation, cancellationToken);
    }

    /// <summary>
    /// The parse errors: a missing or unknown command said once, naming the commands there are; an unknown option once,
    /// not once more for the value that followed it.
    /// </summary>
    private static IEnumerable<string> Problems(RootCommand root, ParseResult result)
    {
        var commands = string.Join(", ", root.Subcommands.Where(c => !c.Hidden).Select(c => c.Name));
        if (result.CommandResult.Command == root)
            return [result.UnmatchedTokens is [var first, ..] ? $"'{first}' is not a command; the commands are {commands}." : $"Name a command: {commands}."];
        var problems = result.Errors.Where(e => !result.UnmatchedTokens.Any(t => e.Message.Contains($"'{t}'", StringComparison.Ordinal))).Select(e => e.Message).ToList();
        bool afterUnknownOption = false;
        foreach (var token in result.UnmatchedTokens)
        {
            bool isOption = token.StartsWith('-');
            if (isOption) problems.Add($"'{token}' is not an option of {result.CommandResult.Command.Name}.");
            else if (!afterUnknownOption) problems.Add($"Unexpected argument '{token}'.");
            afterUnknownOption = isOption;
        }
        return problems;
    }

    private static int Refuse(TextWriter error, IEnumerable<string> problems)
    {
        foreach (var problem in problems.Distinct(StringComparer.Ordinal))
            error.WriteLine($"error: {problem.ReplaceLineEndings(" ").TrimEnd()} (--help lists the options)");
        return LoadTestApp.CouldNotRun;
    }

    public static RootCommand Create(LoadTestApp app, string[] args, TextWriter error)
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
        Add("ws-deflate", "The same over WebSocket offering permessage-deflate, as browsers do", new TransportRun(TransportKind.WebSocketDeflate));
        Add("ws-json-deflate", "The same with the JSON subprotocol and permessage-deflate", new TransportRun(TransportKind.WebSocketJsonDeflate));
        Add("compare", "The same load over each transport in turn: side-by-side table and charts", new CompareRun());
        Add("connections", "Ramp idle WebSocket connections to --clients; server memory per connection", new ConnectionsRun());
        Add("slow-consumer", "Some clients stop reading: the others' tick age and server memory must stay bounded", new SlowConsumerRun());
        Add("abuse", "Bystanders over WebSocket, SSE and long polling, quiet and then while attackers from 127.0.0.2 on flood and misuse the server: tick age, memory, refusals", new AbuseRun());
        Add("capacity", "Raise clients step by step (over the first of --transports) until tick age p99 passes --p99-limit; report the knee", new CapacityRun());
        Add("grid", "StockStream WebSocket against the SignalR baseline (or --transports) over the grid of clients × symbols @ ticks/s, a fresh server per point and transport, alternating order: table, ratios, charts", new GridRun());
        Add("scale-out", "The same WebSocket load (1,000 clients unless --clients) on 1 node in-process, 1 node over Redis and 2 nodes over Redis, each started here: what the backplane costs", new ScaleOutRun());
        var c100k = new C100kRun();
        var c100kCommand = new Command("c100k", "100,000 WebSocket subscribers: 8 nodes over Redis, 6 agents, clients spread over the nodes, one node killed mid-run (any option overrides a part)");
        c100kCommand.SetAction((result, cancellationToken) =>
            app.RunAsync("c100k", c100k, C100kRun.Apply(options.Read(result), result, options), "load " + string.Join(' ', args), cancellationToken));
        root.Subcommands.Add(c100kCommand);
        root.Subcommands.Add(ClusterCommand.Create(options, Console.Out));
        root.Subcommands.Add(AgentCommand.Create(Console.Out));
        root.Subcommands.Add(AttackerCommand.Create(Console.Out));
        return root;

        void Add(string name, string description, ILoadTestRun run)
        {
            var command = new Command(name, description);
            command.SetAction((result, cancellationToken) =>
            {
                RunOptions read;
                try
                {
                    read = options.Read(result, run.DefaultClients, run.DefaultDuration, run.DefaultWarmUp);
                }
                catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
                {
                    // Every option checks its value while parsing; this catches one that does not yet.
                    return Task.FromResult(Refuse(error, [e.Message]));
                }
                return app.RunAsync(name, run, read, "load " + string.Join(' ', args), cancellationToken);
            });
            root.Subcommands.Add(command);
        }
    }
}
