using StockStream.LoadTests.Cli;
using StockStream.LoadTests.Engine;
using StockStream.LoadTests.Transports;
using StockStream.Protocol;

namespace StockStream.LoadTests.Scenarios;

/// <summary>
/// The subscriber scenarios, one per transport: each copy is one client that connects, subscribes to its symbols and
/// streams until stopped — in NBomber, <c>Scenario.Create("ws", ctx => client.RunAsync(ctx)).WithLoadSimulations(...)</c>.
/// </summary>
public sealed class StreamingScenario : IDisposable
{
    private readonly SocketsHttpHandler _handler;
    private readonly HttpClient _http;

    /// <param name="entrances">Where clients connect (the nodes, or the balancers in front of them): client i to entrance i mod N.</param>
    /// <param name="placement">Reconnecting and source addresses; null for neither.</param>
    public StreamingScenario(TransportKind kind, string name, IReadOnlyList<Uri> entrances, ScenarioMeasurements measurements, int symbolsPerClient,
        IReadOnlyList<LoadSimulation> loadSimulations, SlowReading? slowReading = null, TimeSpan warmUp = default, ClientPlacement? placement = null)
    {
        Kind = kind;
        _handler = CountingHttpHandler.Create(measurements.Counters, connectTimeout: TimeSpan.FromSeconds(10), slowReading?.ReceiveBufferBytes, placement?.SourceAddresses);
        _http = new HttpClient(_handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        Props = Scenario.Create(name, NodeSpread.RoundRobin([.. entrances.Select((_, i) => ClientOf(i))])).WithLoadSimulations([.. loadSimulations]) with { WarmUp = warmUp };

        Func<ScenarioContext, Task<Response>> ClientOf(int index) => ClientOfNode(entrances[index], [.. entrances.Skip(index + 1), .. entrances.Take(index)]);

        Func<ScenarioContext, Task<Response>> ClientOfNode(Uri node, Uri[] others) => kind switch
        {
            _ when kind.IsWebSocket() => new WebSocketStreamClient(new WebSocketClientOptions
            {
                Endpoint = TransportProbe.WebSocketEndpoint(node),
                Format = kind.WebSocketFormat(),
                Deflate = kind.OffersDeflate(),
                // A dropped client tries the other addresses in turn, as a client of a DNS round-robin name would.
                FailoverEndpoints = [.. others.Select(TransportProbe.WebSocketEndpoint)],
                Reconnect = placement?.Reconnect,
                SymbolsPerClient = symbolsPerClient,
                PauseReadingAfter = slowReading?.PauseAfter,
                PauseReadingFor = slowReading?.PauseFor ?? TimeSpan.Zero,
            }, _http).RunAsync,
            TransportKind.SignalR => new SignalRStreamClient(new WebSocketClientOptions
            {
                Endpoint = TransportProbe.SignalREndpoint(node),
                SymbolsPerClient = symbolsPerClient,
            }, _http).RunAsync,
            TransportKind.Sse => new SseStreamClient(Http(node), _http).RunAsync,
            TransportKind.LongPoll => new LongPollClient(Http(node), _http).RunAsync,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        HttpClientOptions Http(Uri node) => new() { BaseAddress = node, SymbolsPerClient = symbolsPerClient };
    }

    public TransportKind Kind { get; }

    public ScenarioProps Props { get; }

    /// <summary>Clients that warm up server and client (JIT, pools) before an injected load, which has no steady crowd to warm up with.</summary>
    public const int WarmUpClients = 10;

    /// <summary>
    /// The load the options ask for. Constant clients: the ramp (if any) to all of them, then all of them streaming for the
    /// warm-up, then the counted duration — so what is counted is the steady state, not the connection storm, JIT or
    /// cold pools (connect times are reported on their own). Injected sessions: a few clients warm up, then sessions
    /// start at the rate. <see cref="CountingStartsAfter"/> says when counting starts.
    /// </summary>
    public static IReadOnlyList<LoadSimulation> LoadFrom(RunOptions options, int clients)
    {
        var load = new List<LoadSimulation>();
        if (options.InjectRate is { } rate)
        {
            if (options.WarmUp > TimeSpan.Zero) load.Add(Simulation.KeepConstant(Math.Min(clients, WarmUpClients), options.WarmUp));
            load.Add(Simulation.Inject(rate, TimeSpan.FromSeconds(1), options.Duration, options.SessionLength));
            return load;
        }
        if (options.RampUp > TimeSpan.Zero) load.Add(Simulation.RampingConstant(clients, options.RampUp));
        if (options.WarmUp > TimeSpan.Zero) load.Add(Simulation.KeepConstant(clients, options.WarmUp));
        load.Add(Simulation.KeepConstant(clients, options.Duration));
        return load;
    }

    /// <summary>How far into the scenario counting starts: after the ramp and the warm-up of <see cref="LoadFrom"/>.</summary>
    public static TimeSpan CountingStartsAfter(RunOptions options) =>
        options.InjectRate is null ? options.RampUp + options.WarmUp : options.WarmUp;

    public void Dispose()
    {
        _http.Dispose();
        _handler.Dispose();
    }
}
