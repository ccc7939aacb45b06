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

    public StreamingScenario(TransportKind kind, string name, LoadTarget target, ScenarioMeasurements measurements, int symbolsPerClient,
        IReadOnlyList<LoadSimulation> loadSimulations, SlowReading? slowReading = null)
    {
        Kind = kind;
        _handler = CountingHttpHandler.Create(measurements.Counters, connectTimeout: TimeSpan.FromSeconds(10), slowReading?.ReceiveBufferBytes);
        _http = new HttpClient(_handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        var http = new HttpClientOptions { BaseAddress = target.BaseAddress, SymbolsPerClient = symbolsPerClient };
        Func<ScenarioContext, Task<Response>> run = kind switch
        {
            TransportKind.WebSocket or TransportKind.WebSocketJson => new WebSocketStreamClient(new WebSocketClientOptions
            {
                Endpoint = TransportProbe.WebSocketEndpoint(target.BaseAddress),
                Format = kind == TransportKind.WebSocket ? WireFormat.MessagePack : WireFormat.Json,
                SymbolsPerClient = symbolsPerClient,
                PauseReadingAfter = slowReading?.PauseAfter,
                PauseReadingFor = slowReading?.PauseFor ?? TimeSpan.Zero,
            }, _http).RunAsync,
            TransportKind.Sse => new SseStreamClient(http, _http).RunAsync,
            TransportKind.LongPoll => new LongPollClient(http, _http).RunAsync,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        Props = Scenario.Create(name, run).WithLoadSimulations([.. loadSimulations]);
    }

    public TransportKind Kind { get; }

    public ScenarioProps Props { get; }

    /// <summary>The load the options ask for: constant clients (after an optional ramp), or sessions injected at a rate.</summary>
    public static IReadOnlyList<LoadSimulation> LoadFrom(RunOptions options, int clients)
    {
        if (options.InjectRate is { } rate) return [Simulation.Inject(rate, TimeSpan.FromSeconds(1), options.Duration, options.SessionLength)];
        return options.RampUp > TimeSpan.Zero
            ? [Simulation.RampingConstant(clients, options.RampUp), Simulation.KeepConstant(clients, options.Duration)]
            : [Simulation.KeepConstant(clients, options.Duration)];
    }

    public void Dispose()
    {
        _http.Dispose();
        _handler.Dispose();
    }
}
