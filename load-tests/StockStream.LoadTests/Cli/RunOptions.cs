using StockStream.LoadTests.Scenarios.Abuse;
using StockStream.LoadTests.Server;
using StockStream.LoadTests.Transports;
using StockStream.Protocol;

namespace StockStream.LoadTests.Cli;

/// <summary>Everything a load-test command was asked to do, from its command line.</summary>
public sealed record RunOptions
{
    /// <summary>Running nodes to target (clients spread over them); none starts the server here. Default none.</summary>
    public IReadOnlyList<Uri> Urls { get; init; } = [];

    /// <summary>Server nodes to start here; more than one needs the Redis backplane. Default 1.</summary>
    public int Nodes { get; init; } = 1;

    /// <summary>How the nodes started here share the market. Default in-process.</summary>
    public BackplaneKind Backplane { get; init; } = BackplaneKind.InProcess;

    /// <summary>HAProxy balancers started here in front of the nodes; clients connect to them instead. Default 0.</summary>
    public int Balancers { get; init; }

    /// <summary>Load agents started here that hold the clients (each at most one process's worth); 0 runs the clients in this process. Default 0.</summary>
    public int Agents { get; init; }

    /// <summary>Load agents already running (their http:// addresses), instead of starting them here. Default none.</summary>
    public IReadOnlyList<Uri> AgentUrls { get; init; } = [];

    /// <summary>WebSocket clients reconnect after a drop (to the next address first) and resume their streams. Default false.</summary>
    public bool Reconnect { get; init; }

    /// <summary>Kill the last node started here (SIGKILL) this long into each scenario; null kills none. Default null.</summary>
    public TimeSpan? KillNodeAfter { get; init; }

    /// <summary>Concurrent clients (the target for connections and capacity's largest step). Default 100.</summary>
    public int Clients { get; init; } = 100;

    /// <summary>Symbols each client subscribes to. Default 10.</summary>
    public int SymbolsPerClient { get; init; } = 10;

    /// <summary>How long each scenario holds its load, after any ramp. Default 30 s.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A few clients run this long first, uncounted, so JIT and pools are warm for what is measured. Default 2 s.</summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Time to ramp from 0 to the clients before holding them. Default 0 (all at once).</summary>
    public TimeSpan RampUp { get; init; } = TimeSpan.Zero;

    /// <summary>Open model instead: start this many sessions per second; null keeps the clients constant. Default null.</summary>
    public int? InjectRate { get; init; }

    /// <summary>Length of each injected session. Default 5 s.</summary>
    public TimeSpan SessionLength { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Market ticks per second, over all symbols, of a server started here. Default 200.</summary>
    public double TicksPerSecond { get; init; } = 200;

    /// <summary>Symbols the market of a server started here simulates. Default 50.</summary>
    public int MarketSymbols { get; init; } = 50;

    /// <summary>Further <c>--Key=value</c> settings for a server started here. Default none.</summary>
    public IReadOnlyList<string> ServerArguments { get; init; } = [];

    /// <summary>Environment variables (<c>NAME=value</c>) of a server started here. Default none.</summary>
    public IReadOnlyList<string> ServerEnvironment { get; init; } = [];

    /// <summary>Symbols to subscribe to instead of asking <c>GET /api/symbols</c>. Default none.</summary>
    public IReadOnlyList<string> SymbolList { get; init; } = [];

    /// <summary>Transports the compare command runs, in order. Default all four.</summary>
    public IReadOnlyList<TransportKind> Transports { get; init; } = TransportNames.All;

    /// <summary>Abuse: the attacks run beside the bystanders, by name. Default all of them.</summary>
    public IReadOnlyList<string> Attacks { get; init; } = AttackList.Names;

    /// <summary>Abuse: niceness of the attackers' process (0 = the bystanders' own priority). Default 10.</summary>
    public int AttackerNice { get; init; } = 10;

    /// <summary>Abuse: how many times the quiet and abused phases alternate against the same server; the verdict takes each ratio's median. Default 3.</summary>
    public int Rounds { get; init; } = 3;

    /// <summary>Correctness run: zero errors, ≥ 99 % delivery, contiguous seqs; transports the server lacks are skipped. Default false.</summary>
    public bool Smoke { get; init; }

    /// <summary>Fail when errors exceed this; null for no limit. Default null (0 with --smoke).</summary>
    public long? MaxErrors { get; init; }

    /// <summary>Fail when delivered / expected ticks falls below this; null for no limit. Default null (0.99 with --smoke).</summary>
    public double? MinDelivery { get; init; }

    /// <summary>Fail when more ticks than this are missing from the middle of a stream; null for no limit. Default null (0 with --smoke).</summary>
    public long? MaxGapTicks { get; init; }

    /// <summary>Fail when tick age p99 exceeds this many ms; null for no limit. Default null.</summary>
    public double? MaxP99Ms { get; init; }

    /// <summary>Slow consumer: clients that stop reading. Default 10 % of the clients, at least 1.</summary>
    public int? SlowClients { get; init; }

    /// <summary>Slow consumer: how long the slow clients read before pausing. Default 3 s.</summary>
    public TimeSpan PauseAfter { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Slow consumer: how long they stop reading. Default 10 s.</summary>
    public TimeSpan PauseFor { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Slow consumer: socket receive buffer of the slow clients, bytes, so the server feels them within seconds. Default 16 KiB.</summary>
    public int SlowReceiveBufferBytes { get; init; } = 16 * 1024;

    /// <summary>Capacity: clients of the first step; each next step multiplies them by <see cref="StepFactor"/>. Default 50.</summary>
    public int StartClients { get; init; } = 50;

    /// <summary>Capacity: growth of clients from step to step. Default 2.</summary>
    public double StepFactor { get; init; } = 2;

    /// <summary>Capacity: the tick age p99, ms, past which the server counts as saturated. Default 100.</summary>
    public double P99LimitMs { get; init; } = 100;

    /// <summary>Folder the reports are written into. Default load-tests/reports in the repository.</summary>
    public string? ReportDirectory { get; init; }

    /// <summary>Print one line per sample instead of redrawing a status line. Default false (true when output is redirected).</summary>
    public bool PlainProgress { get; init; }

    /// <summary>grid: short points (4 s each after a 1 s warm-up) for a first look. Default false.</summary>
    public bool Quick { get; init; }
}
