using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using StockStream.LoadTests.Scenarios.Abuse;
using StockStream.LoadTests.Server;
using StockStream.Protocol;
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

    /// <summary>Runs are bounded: at most this many market ticks per second of a server started here.</summary>
    public const double MaxRate = 1_000_000;

    public CommandLineOptions()
    {
        Nodes.Validators.Add(r =>
        {
            // cluster and c100k always run their nodes over Redis.
            if (WholeGiven(r.GetResult(Nodes)) > 1 && BackplaneGiven(r) != BackplaneKind.Redis && r.Parent is not CommandResult { Command.Name: "cluster" or "c100k" })
                r.AddError("--nodes above 1 needs --backplane redis: in-process nodes would each simulate a market of their own.");
        });
        Clients.Validators.Add(r =>
        {
            // c100k starts its agents unless told otherwise.
            if (WholeGiven(r.GetResult(Clients)) > MaxClients && r.GetResult(Agents) is null or { Implicit: true } && r.GetResult(AgentUrls) is null or { Implicit: true }
                && r.Parent is not CommandResult { Command.Name: "c100k" })
                r.AddError($"More than {MaxClients} clients need load agents (--agents N): one process can hold no more.");
        });
        Url.Validators.Add(r =>
        {
            if (!r.Implicit && (r.GetResult(Nodes) is { Implicit: false } || BackplaneGiven(r) is BackplaneKind.Redis))
                r.AddError("--url names running nodes; --nodes and --backplane only shape the servers started here.");
            // A malformed --server-arg or --server-env is reported on its own first.
            if (!r.Implicit && r.GetResult(ServerArguments) is { Tokens.Count: > 0 } arguments && arguments.Tokens.All(t => IsServerSetting(t.Value)))
                r.AddError("--server-arg shapes the servers started here; --url names running nodes, started with their own settings.");
            if (!r.Implicit && r.GetResult(ServerEnvironment) is { Tokens.Count: > 0 } environment && environment.Tokens.All(t => IsEnvironmentVariable(t.Value)))
                r.AddError("--server-env shapes the servers started here; --url names running nodes, started with their own environment.");
        });
    }

    public Option<IReadOnlyList<Uri>> Url { get; } = CheckedOption.List<Uri>("--url",
        "Running server nodes (http://host:port, comma-separated; clients are spread over them); without it the server is started here on a free loopback port",
        TryReadServerUrl, "an http:// or https:// address of a server", []);
    public Option<int> Nodes { get; } = CheckedOption.Whole("--nodes", "Server nodes started here, clients spread over them round-robin; more than 1 needs --backplane redis", 1, 1, MaxNodes);
    public Option<BackplaneKind> Backplane { get; } = CheckedOption.Create("--backplane",
        "How the nodes started here share the market: inprocess (one node) or redis (a redis-server started here, persistence off)",
        BackplaneKind.InProcess, TryReadBackplane, "a backplane: inprocess or redis");
    public Option<int> Clients { get; } = CheckedOption.Whole("--clients", $"Concurrent clients (more than {MaxClients} over --agents)", 100, 1, MaxClientsOverAgents, "-c");
    public Option<int> Balancers { get; } = CheckedOption.Whole("--balancers", "HAProxy processes started here in front of the nodes (each carries ~9,500 connections); clients connect to them", 0, 0, MaxAgents);
    public Option<int> Agents { get; } = CheckedOption.Whole("--agents", "Load agents started here to hold the clients (each at most 19,000, from its own 127.0.0.x)", 0, 0, MaxAgents);
    public Option<IReadOnlyList<Uri>> AgentUrls { get; } = CheckedOption.List<Uri>("--agent-url",
        "Load agents already running (http://host:port, comma-separated; start one with: load agent --listen host:port)", TryReadServerUrl, "an http:// address of a load agent", []);
    public Option<bool> Reconnect { get; } = new("--reconnect") { Description = "WebSocket clients reconnect after a drop, to the next address first, and resume their streams" };
    public Option<TimeSpan?> KillNodeAfter { get; } = CheckedOption.Optional<TimeSpan>("--kill-node-after",
        "Kill the last node started here (SIGKILL) this long into each scenario (needs --agents and several nodes); clients reconnect and resume", TryReadKillAfter, "a duration such as 30s");
    public Option<int> Symbols { get; } = CheckedOption.Whole("--symbols", "Symbols each client subscribes to", 10, 1, 10_000, "-s");
    public Option<TimeSpan> Duration { get; } = CheckedOption.Duration("--duration", "How long each scenario holds its load (e.g. 10s, 2m)", TimeSpan.FromSeconds(30), MaxDuration, zeroAllowed: false, "-d");
    public Option<TimeSpan> WarmUp { get; } = CheckedOption.Duration("--warm-up", "All clients stream this long (after any ramp-up) before counting starts; with --inject-rate, a few clients do", TimeSpan.FromSeconds(2), MaxDuration, zeroAllowed: true);
    public Option<TimeSpan> RampUp { get; } = CheckedOption.Duration("--ramp-up", "Ramp from 0 to the clients over this time first", TimeSpan.Zero, MaxDuration, zeroAllowed: true);
    public Option<int?> InjectRate { get; } = CheckedOption.OptionalWhole("--inject-rate", "Open model: start this many sessions per second instead of keeping clients constant", 1, MaxClients);
    public Option<TimeSpan> SessionLength { get; } = CheckedOption.Duration("--session-length", "Length of each injected session", TimeSpan.FromSeconds(5), MaxDuration, zeroAllowed: false);
    public Option<double> Rate { get; } = CheckedOption.Number("--rate", "Market ticks per second of a server started here", 200, 0, MaxRate);
    public Option<int> MarketSymbols { get; } = CheckedOption.Whole("--market-symbols", "Symbols the market of a server started here simulates", 50, 1, 20_000);
    public Option<string[]> ServerArguments { get; } = ServerArgumentOption();
    public Option<string[]> ServerEnvironment { get; } = ServerEnvironmentOption();
    public Option<IReadOnlyList<string>> SymbolList { get; } = CheckedOption.List<string>("--symbol-list", "Comma-separated symbols to use instead of GET /api/symbols",
        TryReadSymbol, "a symbol (1-12 of A-Z 0-9 . -)", []);
    public Option<IReadOnlyList<TransportKind>> Transports { get; } = CheckedOption.List<TransportKind>("--transports",
        $"Comma-separated transports for compare and grid: {TransportNames.List}", TransportNames.TryParse, $"a transport ({TransportNames.List})", TransportNames.All);
    public Option<IReadOnlyList<string>> Attacks { get; } = CheckedOption.List<string>("--attacks",
        $"abuse: comma-separated attacks to run beside the bystanders (default all): {AttackList.NameList}", AttackList.IsName, $"an attack ({AttackList.NameList})", AttackList.Names);
    public Option<int> AttackerNice { get; } = CheckedOption.Whole("--attacker-nice",
        "abuse: the niceness (0-19) the attackers' own process runs at, so their client CPU yields to the bystanders' as other machines' would", 10, 0, 19);
    public Option<int> Rounds { get; } = CheckedOption.Whole("--rounds",
        "abuse: quiet and abused phases, alternated this many times against the same server; the verdict takes the median of each ratio", 3, 1, 20);
    public Option<bool> Smoke { get; } = new("--smoke") { Description = "Correctness run: zero errors, >= 99% delivery, contiguous seqs; skips transports the server lacks" };
    public Option<long?> MaxErrors { get; } = CheckedOption.OptionalCount("--max-errors", "Threshold: most errors allowed");
    public Option<double?> MinDelivery { get; } = CheckedOption.OptionalNumber("--min-delivery", "Threshold: least delivered/expected ticks (0..1)", 0, 1);
    public Option<long?> MaxGaps { get; } = CheckedOption.OptionalCount("--max-gaps", "Threshold: most ticks missing from the middle of a stream");
    public Option<double?> MaxP99 { get; } = CheckedOption.OptionalNumber("--max-p99", "Threshold: most tick age p99, ms", 0, 600_000);
    public Option<int?> SlowClients { get; } = CheckedOption.OptionalWhole("--slow-clients", "slow-consumer: clients that stop reading (default 10% of clients)", 1, MaxClients);
    public Option<TimeSpan> PauseAfter { get; } = CheckedOption.Duration("--pause-after", "slow-consumer: read this long before pausing", TimeSpan.FromSeconds(3), MaxDuration, zeroAllowed: true);
    public Option<TimeSpan> PauseFor { get; } = CheckedOption.Duration("--pause-for", "slow-consumer: stop reading this long", TimeSpan.FromSeconds(10), MaxDuration, zeroAllowed: false);
    public Option<int> SlowReceiveBuffer { get; } = CheckedOption.Whole("--slow-receive-buffer", "slow-consumer: socket receive buffer of the slow clients, bytes", 16 * 1024, 1024, 16 << 20);
    public Option<int> StartClients { get; } = CheckedOption.Whole("--start-clients", "capacity: clients of the first step", 50, 1, MaxClients);
    public Option<double> StepFactor { get; } = CheckedOption.Number("--step-factor", "capacity: clients grow by this factor per step", 2, 1, 100);
    public Option<double> P99Limit { get; } = CheckedOption.Number("--p99-limit", "capacity: tick age p99 (ms) past which the server is saturated", 100, 0, 600_000);
    public Option<string?> ReportDirectory { get; } = new("--report-dir") { Description = "Folder for the HTML, Markdown and CSV reports (default load-tests/reports)" };
    public Option<bool> Quick { get; } = new("--quick") { Description = "grid: short points (4 s each after a 1 s warm-up) for a first look" };
    public Option<bool> Plain { get; } = new("--plain") { Description = "Print one progress line per second instead of redrawing one" };

    public IEnumerable<Option> All => [Url, Nodes, Backplane, Balancers, Agents, AgentUrls, Reconnect, KillNodeAfter, Clients, Symbols, Duration, WarmUp, RampUp, InjectRate, SessionLength, Rate, MarketSymbols, ServerArguments, ServerEnvironment,
        SymbolList, Transports, Attacks, AttackerNice, Rounds, Smoke, MaxErrors, MinDelivery, MaxGaps, MaxP99, SlowClients, PauseAfter, PauseFor, SlowReceiveBuffer, StartClients, StepFactor,
        P99Limit, ReportDirectory, Quick, Plain];

    /// <summary>The options of a parsed command line; <paramref name="defaultClients"/> stands for <c>--clients</c> when it is not given.</summary>
    public RunOptions Read(ParseResult result, int? defaultClients = null, TimeSpan? defaultDuration = null, TimeSpan? defaultWarmUp = null)
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
            Duration = defaultDuration is { } duration && result.GetResult(Duration) is null or { Implicit: true } ? duration : result.GetValue(Duration),
            WarmUp = defaultWarmUp is { } warmUp && result.GetResult(WarmUp) is null or { Implicit: true } ? warmUp : result.GetValue(WarmUp),
            RampUp = result.GetValue(RampUp),
            InjectRate = result.GetValue(InjectRate),
            SessionLength = result.GetValue(SessionLength),
            TicksPerSecond = result.GetValue(Rate),
            MarketSymbols = result.GetValue(MarketSymbols),
            ServerArguments = result.GetValue(ServerArguments) ?? [],
            ServerEnvironment = result.GetValue(ServerEnvironment) ?? [],
            SymbolList = result.GetValue(SymbolList) ?? [],
            Transports = result.GetValue(Transports) ?? TransportNames.All,
            Attacks = result.GetValue(Attacks) ?? AttackList.Names,
            AttackerNice = result.GetValue(AttackerNice),
            Rounds = result.GetValue(Rounds),
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
            Quick = result.GetValue(Quick),
            PlainProgress = result.GetValue(Plain) || Console.IsOutputRedirected,
        };
    }

    private static Option<string[]> ServerArgumentOption()
    {
        var option = new Option<string[]>("--server-arg") { Description = "Extra --Key=value setting for a server started here (repeatable)", AllowMultipleArgumentsPerToken = false };
        option.Validators.Add(r =>
        {
            foreach (var token in r.Tokens.Where(t => !IsServerSetting(t.Value)))
                r.AddError($"--server-arg must be a --Key=value setting, not '{token.Value}'.");
        });
        return option;
    }

    private static Option<string[]> ServerEnvironmentOption()
    {
        var option = new Option<string[]>("--server-env")
        {
            Description = "Environment variable NAME=value of a server started here, e.g. DOTNET_GCgen0size=0x1000000 (repeatable)",
            AllowMultipleArgumentsPerToken = false,
        };
        option.Validators.Add(r =>
        {
            foreach (var token in r.Tokens.Where(t => !IsEnvironmentVariable(t.Value)))
                r.AddError($"--server-env must be NAME=value (NAME of letters, digits and _, not starting with a digit), not '{token.Value}'.");
        });
        return option;
    }

    private static bool IsServerSetting(string text) => text.StartsWith("--", StringComparison.Ordinal) && text.IndexOf('=', StringComparison.Ordinal) > 2;

    private static bool IsEnvironmentVariable(string text)
    {
        int equals = text.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 && !char.IsAsciiDigit(text[0]) && text[..equals].All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
    }

    private static bool TryReadKillAfter(string text, out TimeSpan after) =>
        DurationParser.TryParse(text, out after) && after > TimeSpan.Zero && after <= MaxDuration;

    private static bool TryReadServerUrl(string text, out Uri url) =>
        Uri.TryCreate(text, UriKind.Absolute, out url!) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);

    private static bool TryReadSymbol(string text, out string symbol)
    {
        symbol = text;
        return SymbolName.IsValid(text);
    }

    private static bool TryReadBackplane(string text, out BackplaneKind kind)
    {
        kind = BackplaneNamed(text) ?? BackplaneKind.InProcess;
        return BackplaneNamed(text) is not null;
    }

    private static BackplaneKind? BackplaneNamed(string text) =>
        text.Equals("inprocess", StringComparison.OrdinalIgnoreCase) ? BackplaneKind.InProcess
        : text.Equals("redis", StringComparison.OrdinalIgnoreCase) ? BackplaneKind.Redis
        : null;

    // Validators that look at another option read its token: a validator must not convert an option that may be malformed.
    private BackplaneKind? BackplaneGiven(SymbolResult result) =>
        result.GetResult(Backplane) is { Implicit: false, Tokens: [var token, ..] } ? BackplaneNamed(token.Value) : BackplaneKind.InProcess;

    private static int? WholeGiven(OptionResult? result) =>
        result is { Implicit: false, Tokens: [var token, ..] } && int.TryParse(token.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : null;
}
