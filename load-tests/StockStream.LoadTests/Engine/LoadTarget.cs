using System.Net;
using System.Text.Json;
using StockStream.LoadTests.Cli;
using StockStream.LoadTests.Server;
using StockStream.LoadTests.Transports;
using StockStream.LoadTests.Wire;

namespace StockStream.LoadTests.Engine;

/// <summary>
/// The server under test — started here (one node, or several over a Redis started here), or the nodes <c>--url</c> names —
/// with its symbols, how its resources are read, and the clock offset applied to tick ages when it runs on another host.
/// </summary>
public sealed class LoadTarget : IAsyncDisposable
{
    private readonly LocalCluster? _cluster;

    private LoadTarget(LocalCluster? cluster, IReadOnlyList<Uri> nodes, IServerProbe probe, SymbolTable symbols, ClockOffset? clock, bool applyClockOffset, string logFolder)
    {
        _cluster = cluster;
        Nodes = nodes;
        Probe = probe;
        Symbols = symbols;
        Clock = clock;
        ClockOffsetMicros = applyClockOffset && clock is not null ? clock.OffsetMicros : 0;
        LogFolder = logFolder;
    }

    /// <summary>Base addresses of the server's nodes; clients are spread over them round-robin.</summary>
    public IReadOnlyList<Uri> Nodes { get; }
    /// <summary>Where clients connect: the balancers started here when there are any, else <see cref="Nodes"/>.</summary>
    public IReadOnlyList<Uri> Entrances => _cluster is { Balancers.Count: > 0 } cluster ? cluster.Entrances : Nodes;
    /// <summary>The nodes and balancers started here; null for a server given by --url.</summary>
    public LocalCluster? Cluster => _cluster;
    /// <summary>The first node: symbols, clock offset and transport probes are asked of it.</summary>
    public Uri BaseAddress => Nodes[0];
    public IServerProbe Probe { get; }
    public SymbolTable Symbols { get; }
    /// <summary>The Ping/Pong measurement; null when the server has no WebSocket endpoint.</summary>
    public ClockOffset? Clock { get; }
    /// <summary>Offset added to receive times: the measured one for a remote server, 0 on this host (one clock).</summary>
    public long ClockOffsetMicros { get; }
    public bool IsLocal => _cluster is not null;
    /// <summary>The Redis backplane started here, as its nodes were given it; null for in-process or a server not started here.</summary>
    public string? Redis => _cluster?.Redis?.Configuration;
    /// <summary>Where the logs of the processes started for this target go.</summary>
    public string LogFolder { get; }

    public static async Task<LoadTarget> OpenAsync(RunOptions options, int peakClients, string logFolder, Action<string> say, CancellationToken cancellationToken)
    {
        LocalCluster? cluster = null;
        IReadOnlyList<Uri> nodes;
        if (options.Urls.Count > 0) nodes = [.. options.Urls.Select(url => url.AbsolutePath.EndsWith('/') ? url : new Uri(url + "/"))];
        else
        {
            var settings = new ServerSettings
            {
                TicksPerSecond = options.TicksPerSecond,
                Symbols = options.MarketSymbols,
                MaxConnections = Math.Max(50_000, peakClients * 2),
                MaxSymbols = Math.Max(100, options.SymbolsPerClient),
                ExtraArguments = options.ServerArguments,
                EnvironmentVariables = options.ServerEnvironment,
            };
            cluster = await LocalCluster.StartAsync(RepositoryRoot.Find(), settings, options.Nodes, options.Backplane, logFolder, TimeSpan.FromSeconds(60), say, cancellationToken,
                balancers: options.Balancers);
            nodes = [.. cluster.Nodes.Select(n => n.BaseAddress)];
            foreach (var node in cluster.Nodes)
                say($"Server started: {node.BaseAddress} (pid {node.ProcessId}), {options.TicksPerSecond} ticks/s over {options.MarketSymbols} symbols");
        }

        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var symbols = new SymbolTable(options.SymbolList.Count > 0 ? options.SymbolList : await FetchSymbolsAsync(http, nodes[0], cancellationToken));
            if (symbols.Count == 0) throw new InvalidOperationException("The server lists no symbols.");
            var clock = await MeasureClockAsync(http, nodes[0], cancellationToken);
            var probe = cluster?.Probe() ?? await RemoteProbeAsync(nodes, cancellationToken);
            bool remote = cluster is null && !IsLoopback(nodes[0]);
            return new LoadTarget(cluster, nodes, probe, symbols, clock, applyClockOffset: remote, logFolder);
        }
        catch
        {
            if (cluster is not null) await cluster.DisposeAsync();
            throw;
        }
    }

    private static async Task<string[]> FetchSymbolsAsync(HttpClient http, Uri baseAddress, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(baseAddress, "api/symbols"), cancellationToken);
        if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "application/json")
            throw new InvalidOperationException($"GET /api/symbols answered {(int)response.StatusCode}; pass --symbol-list to name the symbols.");
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken));
        return [.. doc.RootElement.EnumerateArray().Select(e => e.GetProperty("symbol").GetString()!)];
    }

    private static async Task<ClockOffset?> MeasureClockAsync(HttpClient http, Uri baseAddress, CancellationToken cancellationToken)
    {
        try
        {
            return await ClockSync.MeasureAsync(TransportProbe.WebSocketEndpoint(baseAddress), http, pings: 8, cancellationToken);
        }
        catch (System.Net.WebSockets.WebSocketException)
        {
            return null; // no WebSocket endpoint: tick ages use the client clock as is
        }
    }

    private static async Task<IServerProbe> RemoteProbeAsync(IReadOnlyList<Uri> nodes, CancellationToken cancellationToken)
    {
        if (nodes.Count == 1) return await RemoteProbeAsync(nodes[0], cancellationToken);
        return new ClusterProbe(await Task.WhenAll(nodes.Select(n => RemoteProbeAsync(n, cancellationToken))), redis: null);
    }

    private static async Task<IServerProbe> RemoteProbeAsync(Uri baseAddress, CancellationToken cancellationToken)
    {
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var metrics = new Uri(baseAddress, "metrics");
        using var response = await http.GetAsync(metrics, cancellationToken);
        if (response.StatusCode == HttpStatusCode.OK) return new PrometheusProbe(http, metrics);
        http.Dispose();
        return new ClientOnlyProbe();
    }

    /// <summary>Whether the address is this machine's loopback (localhost, 127.0.0.0/8, ::1).</summary>
    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    public ValueTask DisposeAsync() => _cluster?.DisposeAsync() ?? ValueTask.CompletedTask;
}
