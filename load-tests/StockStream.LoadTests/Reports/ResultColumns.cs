using StockStream.LoadTests.Metrics;
using static StockStream.LoadTests.Reports.MetricFormat;

namespace StockStream.LoadTests.Reports;

/// <summary>The columns of the results table, shared by the Markdown, HTML and CSV reports so they cannot disagree.</summary>
public static class ResultColumns
{
    public static readonly (string Header, Func<ScenarioStats, string> Value)[] All =
    [
        ("scenario", s => s.Name),
        ("transport", s => s.Transport),
        ("clients", s => Number(s.PeakClients)),
        ("ticks", s => Number(s.Ticks)),
        ("ticks/s", s => Number(s.TicksPerSecond)),
        ("delivered", s => Percent(s.Delivery.Ratio)),
        ("gap ticks", s => Number(s.Delivery.GapTicks)),
        ("conflated frames", s => Number(s.Delivery.ConflatedFrames)),
        ("errors", s => Number(s.Errors)),
        ("conflated ticks", s => Number(s.Delivery.ConflatedTicks)),
        ("out of order", s => Number(s.Delivery.OutOfOrder)),
        ("sessions ok", s => Number(s.SessionsOk)),
        ("age min ms", s => Ms(s.TickAge.MinMs)),
        ("age mean ms", s => Ms(s.TickAge.MeanMs)),
        ("age p50 ms", s => Ms(s.TickAge.P50Ms)),
        ("age p75 ms", s => Ms(s.TickAge.P75Ms)),
        ("age p95 ms", s => Ms(s.TickAge.P95Ms)),
        ("age p99 ms", s => Ms(s.TickAge.P99Ms)),
        ("age max ms", s => Ms(s.TickAge.MaxMs)),
        ("bytes/tick", s => Number(s.BytesPerTick, "0.0")),
        ("received", s => Bytes(s.BytesReceived)),
        ("requests", s => Number(s.Requests)),
        ("connections", s => Number(s.ConnectionsOpened)),
        ("sent", s => Bytes(s.BytesSent)),
        ("frames", s => Number(s.Frames)),
        ("connect p50 ms", s => Ms(s.ConnectTime.P50Ms)),
        ("connect p99 ms", s => Ms(s.ConnectTime.P99Ms)),
        ("server cpu cores", s => Optional(s.Resources.ServerCores)),
        ("server rss start MiB", s => Optional(s.Resources.ServerRssStartMb, "0")),
        ("server rss peak MiB", s => Optional(s.Resources.ServerRssPeakMb, "0")),
        ("client cpu cores", s => Number(s.Resources.ClientCores, "0.00")),
        ("client cpu peak cores", s => Number(s.Resources.ClientPeakCores, "0.00")),
    ];

    /// <summary>The tables of the Markdown and HTML reports, each a titled group of columns; CSV has every column in one row.</summary>
    public static readonly (string Title, string[] Columns)[] Tables =
    [
        ("Throughput and delivery", ["scenario", "transport", "clients", "ticks", "ticks/s", "delivered", "gap ticks", "conflated frames", "conflated ticks", "out of order", "errors"]),
        ("Tick age (receive time - tick time), ms", ["scenario", "age min ms", "age mean ms", "age p50 ms", "age p75 ms", "age p95 ms", "age p99 ms", "age max ms"]),
        ("Traffic", ["scenario", "bytes/tick", "received", "sent", "frames", "requests", "connections", "sessions ok", "connect p50 ms", "connect p99 ms"]),
        ("Resources", ["scenario", "server cpu cores", "server rss start MiB", "server rss peak MiB", "client cpu cores", "client cpu peak cores"]),
    ];

    public static Func<ScenarioStats, string> Column(string header) => All.First(c => c.Header == header).Value;
}
