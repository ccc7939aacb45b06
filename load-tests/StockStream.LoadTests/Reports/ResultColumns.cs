using System.Globalization;
using StockStream.LoadTests.Metrics;
using static StockStream.LoadTests.Reports.MetricFormat;

namespace StockStream.LoadTests.Reports;

/// <summary>The columns of the results, shared by the Markdown, HTML and CSV reports so they cannot disagree.</summary>
public static class ResultColumns
{
    public static readonly ResultColumn[] All =
    [
        Text("scenario", s => s.Name),
        Text("transport", s => s.Transport),
        Value("clients", s => s.PeakClients, "0"),
        Value("ticks", s => s.Ticks, "0"),
        Value("ticks/s", s => s.TicksPerSecond, "0"),
        new("delivered", s => Percent(s.Delivery.Ratio), s => Raw(s.Delivery.Ratio)),
        Value("expected ticks", s => s.Delivery.Expected, "0"),
        Value("gap ticks", s => s.Delivery.GapTicks, "0"),
        Value("conflated frames", s => s.Delivery.ConflatedFrames, "0"),
        Value("conflated ticks", s => s.Delivery.ConflatedTicks, "0"),
        Value("out of order", s => s.Delivery.OutOfOrder, "0"),
        Value("resynced ticks", s => s.Delivery.ResyncedTicks, "0"),
        Value("server ticks of watched symbols", s => s.Delivery.ServerTicks, "0"),
        Value("unknown symbols", s => s.Delivery.UnknownSymbols, "0"),
        Value("negative ages", s => s.NegativeAges, "0"),
        Value("errors", s => s.Errors, "0"),
        Value("sessions ok", s => s.SessionsOk, "0"),
        Latency("age min ms", s => s.TickAge.MinMs),
        Latency("age mean ms", s => s.TickAge.MeanMs),
        Latency("age p50 ms", s => s.TickAge.P50Ms),
        Latency("age p75 ms", s => s.TickAge.P75Ms),
        Latency("age p95 ms", s => s.TickAge.P95Ms),
        Latency("age p99 ms", s => s.TickAge.P99Ms),
        Latency("age max ms", s => s.TickAge.MaxMs),
        Value("bytes/tick", s => s.BytesPerTick, "0.0"),
        Value("wire bytes/tick both ways", s => s.WireBytesPerTick, "0.0"),
        new("received bytes", s => Bytes(s.BytesReceived), s => Raw(s.BytesReceived)),
        new("sent bytes", s => Bytes(s.BytesSent), s => Raw(s.BytesSent)),
        Value("frames", s => s.Frames, "0"),
        Value("requests", s => s.Requests, "0"),
        Value("connections", s => s.ConnectionsOpened, "0"),
        Latency("connect p50 ms", s => s.ConnectTime.P50Ms),
        Latency("connect p99 ms", s => s.ConnectTime.P99Ms),
        Optional("server cpu cores", s => s.Resources.ServerCores, "0.00"),
        Optional("server rss start MiB", s => s.Resources.ServerRssStartMb, "0"),
        Optional("server rss peak MiB", s => s.Resources.ServerRssPeakMb, "0"),
        Optional("server cpu µs/tick", s => s.ServerMicrosPerTick, "0.00"),
        Optional("server rss growth KiB/client", s => s.ServerKibPerClient, "0.0"),
        Value("client cpu cores", s => s.Resources.ClientCores, "0.00"),
        Value("client cpu peak cores", s => s.Resources.ClientPeakCores, "0.00"),
        Optional("other processes cpu cores", s => s.Resources.OtherCores, "0.00"),
        Value("client alloc bytes/tick", s => s.Resources.ClientAllocatedBytesPerTick, "0.0"),
        new("server cpu cores per node", s => string.Join(" + ", s.Resources.ServerCoresPerNode.Select(c => MetricFormat.Optional(c))),
            s => string.Join(';', s.Resources.ServerCoresPerNode.Select(c => c is { } v ? Raw(v) : ""))),
        Optional("redis cpu cores", s => s.Resources.RedisCores, "0.00"),
    ];

    /// <summary>The tables of the Markdown and HTML reports, each a titled group of columns; CSV has every column in one row.</summary>
    public static readonly (string Title, string[] Columns)[] Tables =
    [
        ("Throughput and delivery", ["scenario", "transport", "clients", "ticks", "ticks/s", "delivered", "gap ticks", "conflated frames", "conflated ticks", "out of order", "errors"]),
        ("Tick age (receive time - tick time), ms", ["scenario", "age min ms", "age mean ms", "age p50 ms", "age p75 ms", "age p95 ms", "age p99 ms", "age max ms"]),
        ("Traffic", ["scenario", "bytes/tick", "wire bytes/tick both ways", "received bytes", "sent bytes", "frames", "requests", "connections", "sessions ok", "connect p50 ms", "connect p99 ms"]),
        ("Resources", ["scenario", "server cpu cores", "server cpu µs/tick", "server rss start MiB", "server rss peak MiB", "server rss growth KiB/client", "client cpu cores", "client cpu peak cores", "client alloc bytes/tick", "other processes cpu cores"]),
    ];

    /// <summary>Shown only when a scenario ran on several nodes or beside a Redis started here.</summary>
    public static readonly (string Title, string[] Columns) NodesTable =
        ("Nodes (server CPU is the nodes' sum; Redis apart)", ["scenario", "server cpu cores", "server cpu cores per node", "redis cpu cores"]);

    /// <summary>The tables a run's scenarios call for.</summary>
    public static IEnumerable<(string Title, string[] Columns)> TablesFor(IReadOnlyList<ScenarioStats> scenarios) =>
        scenarios.Any(s => s.Resources.ServerCoresPerNode.Count > 0 || s.Resources.RedisCores is not null) ? [.. Tables, NodesTable] : Tables;

    public static ResultColumn Column(string header) => All.First(c => c.Header == header);

    private static ResultColumn Text(string header, Func<ScenarioStats, string> value) => new(header, value, value);

    private static ResultColumn Value(string header, Func<ScenarioStats, double> value, string format) =>
        new(header, s => Number(value(s), format), s => Raw(value(s)));

    private static ResultColumn Latency(string header, Func<ScenarioStats, double> value) => new(header, s => Ms(value(s)), s => Raw(value(s)));

    private static ResultColumn Optional(string header, Func<ScenarioStats, double?> value, string format) =>
        new(header, s => MetricFormat.Optional(value(s), format), s => value(s) is { } v ? Raw(v) : "");

    private static string Raw(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
