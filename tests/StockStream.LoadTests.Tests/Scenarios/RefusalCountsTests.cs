using StockStream.LoadTests.Scenarios.Abuse;

namespace StockStream.LoadTests.Tests.Scenarios;

public class RefusalCountsTests
{
    [Fact]
    public void ReportsWhatEachLabelledSeriesGrewByAndNothingElse()
    {
        var before = RefusalCounts.Parse("""
            # TYPE stockstream_refused_total counter
            stockstream_refused_total{otel_scope_name="StockStream",reason="client limit"} 5 1764590000000
            stockstream_send_stalls_total{otel_scope_name="StockStream",transport="sse"} 2
            stockstream_ticks_sent_total{otel_scope_name="StockStream",transport="websocket"} 100
            """);
        var after = RefusalCounts.Parse("""
            stockstream_refused_total{otel_scope_name="StockStream",reason="client limit"} 1239 1764590001000
            stockstream_refused_total{otel_scope_name="StockStream",reason="no room for WebSocket"} 3
            stockstream_send_stalls_total{otel_scope_name="StockStream",transport="sse"} 2
            stockstream_replays_refused_total 7
            stockstream_ticks_sent_total{otel_scope_name="StockStream",transport="websocket"} 900
            """);

        KeyValuePair<string, string>[] expected =
        [
            new("server: refused{reason=\"client limit\"}", "1,234"),
            new("server: refused{reason=\"no room for WebSocket\"}", "3"),
            new("server: replays_refused", "7"),
        ];
        Assert.Equal(expected, RefusalCounts.Change(before, after).ToArray());
    }
}
