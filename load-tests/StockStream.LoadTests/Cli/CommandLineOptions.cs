using System.CommandLine;
using System.CommandLine.Parsing;
using StockStream.LoadTests.Server;
using StockStream.LoadTests.Transports;

namespace StockStream.LoadTests.Cli;

/// <summary>The command-line options every load-test command shares, and how they become <see cref="RunOptions"/>.</summary>
public sealed class CommandLineOptions
{
    /// <summary>Runs are bounded: at most this many clients.</summary>
    public const int MaxClients = 20_000;

    /// <summary>Runs are bounded: at most this long per scenario.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(10);

    /// <summary>Runs are bounded: at most this many nodes started here.</summary>
    public const int MaxNodes = 8;

    /// <summary>Runs are bounded: at most this many agents (each holds at most one process's worth of clients).</summary>
    public const int MaxAgents = 16;

    /// <summary>Runs are bounded: at most this many clients over all agents.</summary>
    public const int MaxClientsOverAgents = 200_000;

    public CommandLineOptions()
    {
        Nodes.Validators.Add(r =>
        {
            // cluster always runs its nodes over Redis.
            if (r.GetValueOrDefault<int>() > 1 && BackplaneGiven(r) != BackplaneKind.Redis && r.Parent is not CommandResult { Command.Name: "cluster" })
                r.AddError("--nodes above 1 needs --backplane redis: in-process nodes would each simulate a market of their own.");
        });
        Clients.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() > MaxClients && r.GetResult(Agents) is null or { Implicit: true } && r.GetResult(AgentUrls) is null or { Implicit: true })
                r.AddError($"More than {MaxClients} clients need load agents (--agents N): one process can hold no more.");
        });
        Url.Validators.Add(r =>
        {
            if (!r.Implicit && (r.GetResult(Nodes) is { Implicit: false } || BackplaneGiven(r) is BackplaneKind.Redis))
                r.AddError("--url names running nodes; --nodes and --backplane only shape the servers started here.");
        });
    }

    public Option<IReadOnlyList<Uri>> Url { get; } = new("--url")
    {
        Description = "Running server nodes (http://host:port, comma-separated; clients are spread over them); without it the server is started here on a free loopback port",
        CustomParser = ParseUrls,
        DefaultValueFactory = _ => [],
    };
    public Option<int> Nodes { get; } = Bounded(new Option<int>("--nodes") { Description = "Server nodes started here, clients spread over them round-robin; more than 1 needs --backplane redis", DefaultValueFactory = _ => 1 }, 1, MaxNodes);
    public Option<BackplaneKind> Backplane { get; } = new("--backplane")
    {
        Description = "How the nodes started here share the market: inprocess (one node) or redis (a redis-server started here, persistence off)",
        HelpName = "inprocess|redis",
        CustomParser = ParseBackplane,
        DefaultValueFactory = _ => BackplaneKind.InProcess,
    };
    public Option<int> Clients { get; } = Bounded(new Option<int>("--clients", "-c") { Description = $"Concurrent clients (more than {MaxClients} over --agents)", DefaultValueFactory = _ => 100 }, 0, MaxClientsOverAgents);
    public Option<int> Balancers { get; } = Bounded(new Option<int>("--balancers") { Description = "HAProxy processes started here in front of the nodes (each carries ~9,500 connections); clients connect to them", DefaultValueFactory = _ => 0 }, 0, MaxAgents);
    public Option<int> Agents { get; } = Bounded(new Option<int>("--agents") { Description = "Load agents started here to hold the clients (each at most 19,000, from its own 127.0.0.x)", DefaultValueFactory = _ => 0 }, 0, MaxAgents);
    public Option<IReadOnlyList<Uri>> AgentUrls { get; } = new("--agent-url")
    {
        Description = "Load agents already running (http://host:port, comma-separated; start one with: load agent --listen host:port)",
        CustomParser = ParseUrls,
        DefaultValueFactory = _ => [],
    };
    public Option<bool> Reconnect { get; } = new("--reconnect") { Description = "WebSocket clients reconnect after a drop, to the next address first, and resume their streams" };
    public Option<TimeSpan?> KillNodeAfter { get; } = new("--kill-node-after")
    {
        Description = "Kill the last node started here (SIGKILL) this long into each scenario (needs --agents and several nodes); clients reconnect",
        CustomParser = r => ParseDuration(r),
    };
    public Option<int> Symbols { get; } = Bounded(new Option<int>("--symbols", "-s") { Description = "Symbols each client subscribes to", DefaultValueFactory = _ => 10 }, 0, 10_000);
    public Option<TimeSpan> Duration { get; } = DurationOption("--duration", "How long each scenario holds its load (e.g. 10s, 2m)", TimeSpan.FromSeconds(30), "-d");
    public Option<TimeSpan> WarmUp { get; } = DurationOption("--warm-up", "A few clients run this long first, not counted", TimeSpan.FromSeconds(2));
    public Option<TimeSpan> RampUp { get; } = DurationOption("--ramp-up", "Ramp from 0 to the clients over this time first", TimeSpan.Zero);
    public Option<int?> InjectRate { get; } = new("--inject-rate") { Description = "Open model: start this many sessions per second instead of keeping clients constant" };
    public Option<TimeSpan> SessionLength { get; } = DurationOption("--session-length", "Length of each injected session", TimeSpan.FromSeconds(5));
    public Option<double> Rate { get; } = new("--rate") { Description = "Market ticks per second of a server started here", DefaultValueFactory = _ => 200 };
    public Option<int> MarketSymbols { get; } = new("--market-symbols") { Description = "Symbols the market of a server started here simulates", DefaultValueFactory = _ => 50 };
    public Option<string[]> ServerArguments { get; } = new("--server-arg") { Description = "Extra --Key=value setting for a server started here (repeatable)", AllowMultipleArgumentsPerToken = false };
    public Option<string?> SymbolList { get; } = new("--symbol-list") { Description = "Comma-separated symbols to use instead of GET /api/symbols" };
    public Option<string?> Transports { get; } = new("--transports") { Description = "Comma-separated transports for compare and grid: ws,ws-json,sse,long-poll,signalr" };
    public Option<bool> Smoke { get; } = new("--smoke") { Description = "Correctness run: zero errors, >= 99% delivery, contiguous seqs; skips transports the server lacks" };
    public Option<long?> MaxErrors { get; } = new("--max-errors") { Description = "Threshold: most errors allowed" };
    public Option<double?> MinDelivery { get; } = new("--min-delivery") { Description = "Threshold: least delivered/expected ticks (0..1)" };
    public Option<long?> MaxGaps { get; } = new("--max-gaps") { Description = "Threshold: most ticks missing from the middle of a stream" };
    public Option<double?> MaxP99 { get; } = new("--max-p99") { Description = "Threshold: most tick age p99, ms" };
    public Option<int?> SlowClients { get; } = new("--slow-clients") { Description = "slow-consumer: clients that stop reading (default 10% of clients)" };
    public Option<TimeSpan> PauseAfter { get; } = DurationOption("--pause-after", "slow-consumer: read this long before pausing", TimeSpan.FromSeconds(3));
    public Option<TimeSpan> PauseFor { get; } = DurationOption("--pause-for", "slow-consumer: stop reading this long", TimeSpan.FromSeconds(10));
    public Option<int> SlowReceiveBuffer { get; } = new("--slow-receive-buffer") { Description = "slow-consumer: socket receive buffer of the slow clients, bytes", DefaultValueFactory = _ => 16 * 1024 };
    public Option<int> StartClients { get; } = new("--start-clients") { Description = "capacity: clients of the first step", DefaultValueFactory = _ => 50 };
    public Option<double> StepFactor { get; } = new("--step-factor") { Description = "capacity: clients grow by this factor per step", DefaultValueFactory = _ => 2 };
    public Option<double> P99Limit { get; } = new("--p99-limit") { Description = "capacity: tick age p99 (ms) past which the server is saturated", DefaultValueFactory = _ => 100 };
    public Option<string?> ReportDirectory { get; } = new("--report-dir") { Description = "Folder for the HTML, Markdown and CSV reports (default load-tests/reports)" };
    public Option<bool> Plain { get; } = new("--plain") { Description = "Print one progress line per second instead of redrawing one" };

    public IEnumerable<Option> All => [Url, Nodes, Backplane, Balancers, Agents, AgentUrls, Reconnect, KillNodeAfter, Clients, Symbols, Duration, WarmUp, RampUp, InjectRate, SessionLength, Rate, MarketSymbols, ServerArguments,
        SymbolList, Transports, Smoke, MaxErrors, MinDelivery, MaxGaps, MaxP99, SlowClients, PauseAfter, PauseFor, SlowReceiveBuffer, StartClients, StepFactor,
        P99Limit, ReportDirectory, Plain];

    /// <summary>The options of a parsed command line; <paramref name="defaultClients"/> stands for <c>--clients</c> when it is not given.</summary>
    public RunOptions Read(ParseResult result, int? defaultClients = null)
    {
        bool smoke = result.GetValue(Smoke);
        return new RunOptions
        {
            Urls = result.GetValue(Url) ?? [],
            Nodes = result.GetValue(Nodes),
            Backplane = result.GetValue(Backplane),
            Balancers = result.GetValue(Balancers),
            Agents = result.GetValue(Agents),
            AgentUrls = result.GetValue(AgentUrls) ?? [],
            Reconnect = result.GetValue(Reconnect) || result.GetValue(KillNodeAfter) is not null,
            KillNodeAfter = result.GetValue(KillNodeAfter),
            Clients = defaultClients is { } clients && result.GetResult(Clients) is null or { Implicit: true } ? clients : result.GetValue(Clients),
            SymbolsPerClient = result.GetValue(Symbols),
            Duration = result.GetValue(Duration),
            WarmUp = result.GetValue(WarmUp),
            RampUp = result.GetValue(RampUp),
            InjectRate = result.GetValue(InjectRate),
            SessionLength = result.GetValue(SessionLength),
            TicksPerSecond = result.GetValue(Rate),
            MarketSymbols = result.GetValue(MarketSymbols),
            ServerArguments = result.GetValue(ServerArguments) ?? [],
            SymbolList = SplitList(result.GetValue(SymbolList)),
            Transports = result.GetValue(Transports) is { } names ? [.. SplitList(names).Select(TransportNames.Parse)] : TransportNames.All,
            Smoke = smoke,
            MaxErrors = result.GetValue(MaxErrors) ?? (smoke ? 0 : null),
            MinDelivery = result.GetValue(MinDelivery) ?? (smoke ? 0.99 : null),
            MaxGapTicks = result.GetValue(MaxGaps) ?? (smoke ? 0 : null),
            MaxP99Ms = result.GetValue(MaxP99),
            SlowClients = result.GetValue(SlowClients),
            PauseAfter = result.GetValue(PauseAfter),
            PauseFor = result.GetValue(PauseFor),
            SlowReceiveBufferBytes = result.GetValue(SlowReceiveBuffer),
            StartClients = result.GetValue(StartClients),
            StepFactor = result.GetValue(StepFactor),
            P99LimitMs = result.GetValue(P99Limit),
            ReportDirectory = result.GetValue(ReportDirectory),
            PlainProgress = result.GetValue(Plain) || Console.IsOutputRedirected,
        };
    }

    private static string[] SplitList(string? list) =>
        list?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    private static Option<int> Bounded(Option<int> option, int min, int max)
    {
        option.Validators.Add(r =>
        {
            int value = r.GetValueOrDefault<int>();
            if (value < min || value > max) r.AddError($"{option.Name} must be between {min} and {max}.");
        });
        return option;
    }

    private static Option<TimeSpan> DurationOption(string name, string description, TimeSpan defaultValue, params string[] aliases) => new(name, aliases)
    {
        Description = $"{description} (default {DurationParser.Format(defaultValue)})",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = ParseDuration,
    };

    private static IReadOnlyList<Uri> ParseUrls(ArgumentResult result)
    {
        var urls = new List<Uri>();
        foreach (var text in SplitList(result.Tokens.Count > 0 ? result.Tokens[0].Value : "").DefaultIfEmpty(""))
        {
            if (Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)) urls.Add(url);
            else result.AddError($"'{text}' is not an http:// or https:// address of a server.");
        }
        return urls;
    }

    private static BackplaneKind ParseBackplane(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (BackplaneNamed(text) is { } kind) return kind;
        result.AddError($"'{text}' is not a backplane: inprocess or redis.");
        return BackplaneKind.InProcess;
    }

    private static BackplaneKind? BackplaneNamed(string text) =>
        text.Equals("inprocess", StringComparison.OrdinalIgnoreCase) ? BackplaneKind.InProcess
        : text.Equals("redis", StringComparison.OrdinalIgnoreCase) ? BackplaneKind.Redis
        : null;

    /// <summary>The backplane the command line names, read from its token: a validator must not convert an option that may be malformed.</summary>
    private BackplaneKind? BackplaneGiven(SymbolResult result) =>
        result.GetResult(Backplane) is { Implicit: false, Tokens: [var token, ..] } ? BackplaneNamed(token.Value) : BackplaneKind.InProcess;

    private static TimeSpan ParseDuration(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (!DurationParser.TryParse(text, out var duration)) result.AddError($"'{text}' is not a duration such as 500ms, 10s or 2m.");
        else if (duration > MaxDuration) result.AddError($"Runs are bounded: at most {DurationParser.Format(MaxDuration)}.");
        return duration;
    }
}
