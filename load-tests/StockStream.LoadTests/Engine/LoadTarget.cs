using System.Net;
using System.Text.Json;
using StockStream.LoadTests.Cli;
using StockStream.LoadTests.Server;
using StockStream.LoadTests.Transports;
using StockStream.LoadTests.Wire;

namespace StockStream.LoadTests.Engine;

/// <summary>
/// The server under test — started here, or the one <c>--url</c> names — with its symbols, how its resources are read,
/// and the clock offset applied to tick ages when it runs on another host.
/// </summary>
public sealed class LoadTarget : IAsyncDisposable
{
    private readonly LocalServer? _server;

    private LoadTarget(LocalServer? server, Uri baseAddress, IServerProbe probe, SymbolTable symbols, ClockOffset? clock, bool applyClockOffset)
    {
        _server = server;
        BaseAddress = baseAddress;
        Probe = probe;
        Symbols = symbols;
        Clock = clock;
        ClockOffsetMicros = applyClockOffset && clock is not null ? clock.OffsetMicros : 0;
    }

    public Uri BaseAddress { get; }
    public IServerProbe Probe { get; }
    public SymbolTable Symbols { get; }
    /// <summary>The Ping/Pong measurement; null when the server has no WebSocket endpoint.</summary>
    public ClockOffset? Clock { get; }
    /// <summary>Offset added to receive times: the measured one for a remote server, 0 on this host (one clock).</summary>
    public long ClockOffsetMicros { get; }
    public bool IsLocal => _server is not null;

    public static async Task<LoadTarget> OpenAsync(RunOptions options, int peakClients, string logFolder, Action<string> say, CancellationToken cancellationToken)
    {
        LocalServer? server = null;
        Uri baseAddress;
        if (options.Url is { } url) baseAddress = url.AbsolutePath.EndsWith('/') ? url : new Uri(url + "/");
        else
        {
            var settings = new ServerSettings
            {
                TicksPerSecond = options.TicksPerSecond,
                Symbols = options.MarketSymbols,
                MaxConnections = Math.Max(50_000, peakClients * 2),
                MaxSymbols = Math.Max(100, options.SymbolsPerClient),
                ExtraArguments = options.ServerArguments,
            };
            server = await LocalServer.StartAsync(RepositoryRoot.Find(), settings, Path.Combine(logFolder, "server.log"), TimeSpan.FromSeconds(60), cancellationToken);
            baseAddress = server.BaseAddress;
            say($"Server started: {baseAddress} (pid {server.ProcessId}), {options.TicksPerSecond} ticks/s over {options.MarketSymbols} symbols");
        }

        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var symbols = new SymbolTable(options.SymbolList.Count > 0 ? options.SymbolList : await FetchSymbolsAsync(http, baseAddress, cancellationToken));
            if (symbols.Count == 0) throw new InvalidOperationException("The server lists no symbols.");
            var clock = await MeasureClockAsync(http, baseAddress, cancellationToken);
            IServerProbe probe = server is not null ? new ProcStatProbe(server.ProcessId) : await RemoteProbeAsync(baseAddress, cancellationToken);
            bool remote = server is null && !IsLoopback(baseAddress);
            return new LoadTarget(server, baseAddress, probe, symbols, clock, applyClockOffset: remote);
        }
        catch
        {
            if (server is not null) await server.DisposeAsync();
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

    private static async Task<IServerProbe> RemoteProbeAsync(Uri baseAddress, CancellationToken cancellationToken)
    {
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var metrics = new Uri(baseAddress, "metrics");
        using var response = await http.GetAsync(metrics, cancellationToken);
        if (response.StatusCode == HttpStatusCode.OK) return new PrometheusProbe(http, metrics);
        http.Dispose();
        return new ClientOnlyProbe();
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;
}
