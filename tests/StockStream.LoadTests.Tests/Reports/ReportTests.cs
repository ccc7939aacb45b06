using System.Xml.Linq;
using StockStream.LoadTests.Metrics;
using StockStream.LoadTests.Reports;
using StockStream.LoadTests.Thresholds;

namespace StockStream.LoadTests.Tests.Reports;

public class ReportTests
{
    private static RunReport Report(bool failing = false)
    {
        var ws = SampleStats.Create("ws") with { ServerMetrics = new Dictionary<string, double> { ["stockstream_ticks_sent_total"] = 1234 } };
        var sse = SampleStats.Create("sse", errors: failing ? 2 : 0);
        return new RunReport
        {
            Command = "compare",
            CommandLine = "load compare --clients 10",
            StartedUtc = new DateTime(2026, 11, 23, 17, 0, 0, DateTimeKind.Utc),
            Settings = [new("server", "started here")],
            Scenarios = [ws, sse],
            Thresholds = ThresholdEvaluator.Evaluate([ws, sse], [Threshold.MaxErrors(0)]),
            Findings = [new("fewest bytes per tick", "ws: 40.0 B")],
            Notes = ["Skipped long-poll: the server does not offer it (GET /api/poll answered 404)."],
        };
    }

    [Fact]
    public void AnIncompleteRunFailsWhateverItsThresholdsSay()
    {
        var report = Report() with { Incomplete = true, Notes = ["Could not run 2-nodes-redis: it did not start."] };
        Assert.All(report.Thresholds, t => Assert.True(t.Passed));
        Assert.False(report.Passed);
        Assert.True(Report().Passed);
    }

    [Fact]
    public void MarkdownHasOneRowPerScenarioWithPercentiles()
    {
        var md = MarkdownReport.Render(Report());

        Assert.Contains("| scenario | age min ms | age mean ms | age p50 ms | age p75 ms | age p95 ms | age p99 ms | age max ms |", md);
        Assert.Contains("| ws | 1.00 | 22.00 | 3.00 | 4.00 | 100 | 100 | 100 |", md);
        Assert.Contains("| sse | WebSocket, MessagePack | 10 | 5 |", md);
        Assert.Contains("## Thresholds: passed", md);
        Assert.Contains("- Skipped long-poll", md);
        Assert.Contains("| stockstream_ticks_sent_total | 1,234 |  |", md);
    }

    [Fact]
    public void MarkdownShowsFailedThresholdsAndErrors()
    {
        var md = MarkdownReport.Render(Report(failing: true));

        Assert.Contains("## Thresholds: FAILED", md);
        Assert.Contains("| sse | errors ≤ 0 | 2 | FAIL |", md);
        Assert.Contains("| sse | closed: 1008 | 2 |", md);
    }

    [Fact]
    public void BigNumbersAreGroupedByThousandsInTheTablesButPlainInCsv()
    {
        var big = SampleStats.Create("ws") with { Ticks = 1_234_567, Requests = 45_021, BytesReceived = 900 };
        var report = Report() with { Scenarios = [big] };

        var md = MarkdownReport.Render(report);
        var html = HtmlReport.Render(report);
        var csv = CsvReport.Render(report);

        Assert.Contains("| ws | WebSocket, MessagePack | 10 | 1,234,567 |", md);
        Assert.Contains("<td>45,021</td>", html);
        Assert.Contains(",1234567,", csv);
        Assert.DoesNotContain("1,234,567", csv);
    }

    [Fact]
    public void EveryReportStatesTheResultAtTheTop()
    {
        var passed = HtmlReport.Render(Report());
        var failed = HtmlReport.Render(Report(failing: true));
        var none = HtmlReport.Render(Report() with { Thresholds = [] });

        Assert.Contains("<p class=\"result pass\">Result: passed (all 2 thresholds)</p>", passed);
        Assert.Contains("<p class=\"result fail\">Result: FAILED (thresholds: 1 of 2 failed)</p>", failed);
        Assert.Contains("Result: passed (no thresholds were set)", none);
        Assert.True(passed.IndexOf("Result:", StringComparison.Ordinal) < passed.IndexOf("<table", StringComparison.Ordinal));
        Assert.StartsWith("# StockStream load test: compare\n\n**Result: FAILED (thresholds: 1 of 2 failed)**", MarkdownReport.Render(Report(failing: true)).ReplaceLineEndings("\n"));
        Assert.Contains("Result: cancelled", HtmlReport.Render(Report() with { Cancelled = true }));
    }

    [Fact]
    public void CsvHasAHeaderAndPlainNumbersPerScenario()
    {
        var lines = CsvReport.Render(Report()).TrimEnd().Split(Environment.NewLine);

        Assert.Equal(3, lines.Length);
        var header = lines[0].Split(',');
        Assert.Equal(ResultColumns.All.Length, header.Length);
        Assert.Equal("\"WebSocket, MessagePack\"", lines[1].Split(',', 2)[1][..24]);
        Assert.Equal("1", Field("delivered"));
        Assert.Equal("200", Field("received bytes"));
        Assert.Equal(100, double.Parse(Field("age p99 ms"), System.Globalization.CultureInfo.InvariantCulture), tolerance: 0.1); // within the histogram's 3 digits

        string Field(string name) => lines[1].Replace("\"WebSocket, MessagePack\"", "transport", StringComparison.Ordinal).Split(',')[Array.IndexOf(header, name)];
    }

    [Fact]
    public void NodesTableShowsEachNodesCpuAndRedisApartOnlyWhenThereAreSeveral()
    {
        var alone = SampleStats.Create("1-node-inprocess");
        var two = TwoNodesOverRedis();

        var md = MarkdownReport.Render(Report() with { Scenarios = [alone, two] });

        Assert.Contains("| scenario | server cpu cores | server cpu cores per node | redis cpu cores |", md);
        Assert.Contains("| 1-node-inprocess | 0.50 |  | n/a |", md);
        Assert.Contains("| 2-nodes-redis | 0.50 | 0.30 + 0.20 | 0.04 |", md);
        Assert.DoesNotContain("server cpu cores per node", MarkdownReport.Render(Report()));
        Assert.Contains("<td>0.30 + 0.20</td>", HtmlReport.Render(Report() with { Scenarios = [alone, two] }));
    }

    [Fact]
    public void CsvHasEachNodesCpuAndRedissAsPlainNumbers()
    {
        var two = TwoNodesOverRedis();

        var lines = CsvReport.Render(Report() with { Scenarios = [two] }).TrimEnd().Split(Environment.NewLine);

        Assert.EndsWith(",server cpu cores per node,redis cpu cores", lines[0]);
        Assert.EndsWith(",0.3;0.2,0.04", lines[1]);
    }

    private static ScenarioStats TwoNodesOverRedis() => SampleStats.Create("2-nodes-redis") with
    {
        Resources = new ResourceUsage(0.5, 180, 200, 190, 0.2, 0.4, "/proc/1 + /proc/2") { ServerCoresPerNode = [0.3, 0.2], RedisCores = 0.04 },
    };

    [Fact]
    public void HtmlIsSelfContainedWithChartsAndTables()
    {
        var html = HtmlReport.Render(Report());

        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal));
        Assert.Contains("<title>Tick age by percentile</title>", html);
        Assert.Contains("<title>Bytes on the wire per tick</title>", html);
        Assert.Contains("<td>ws</td>", html);
        foreach (var svg in SvgBlocks(html)) XDocument.Parse(svg); // every chart is well-formed SVG
    }

    [Fact]
    public void PercentileChartDrawsOneLinePerScenario()
    {
        var chart = ReportCharts.For(Report()).First();

        Assert.Equal(2, XDocument.Parse(chart).Descendants().Count(e => e.Name.LocalName == "polyline"));
    }

    [Fact]
    public void WritesTheThreeFormatsAndTheTickAgeChartIntoTheRunFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"report-test-{Guid.NewGuid():N}");
        try
        {
            var files = ReportWriter.Write(Report(), folder);

            Assert.Equal(["report.html", "report.md", "report.csv", "tick-age.svg"], files.Select(Path.GetFileName));
            Assert.All(files, f => Assert.True(new FileInfo(f).Length > 0));
            string svg = File.ReadAllText(files[3]);
            Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", svg);
            Assert.Contains("Tick age by percentile", svg);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(0.7, 1)]
    [InlineData(1.0, 1)]
    [InlineData(1.2, 2)]
    [InlineData(3.1, 5)]
    [InlineData(812, 1000)]
    public void AxisEndsOnARoundNumber(double max, double expected) => Assert.Equal(expected, SvgChart.NiceCeiling(max), precision: 9);

    [Fact]
    public void TimeAxisTicksFallOnRoundSeconds() =>
        Assert.Equal([5.0, 10, 15], SvgChart.RoundTicks(1, 18.53));

    [Fact]
    public void NinesAxisSpreadsTheTail() =>
        Assert.Equal([0.0, 1, 2, 3], new[] { 0, 90, 99, 99.9 }.Select(p => Math.Round(SvgChart.Nines(p), 9)));

    private static IEnumerable<string> SvgBlocks(string html)
    {
        for (int start = html.IndexOf("<svg", StringComparison.Ordinal); start >= 0; start = html.IndexOf("<svg", start + 1, StringComparison.Ordinal))
            yield return html[start..(html.IndexOf("</svg>", start, StringComparison.Ordinal) + 6)];
    }
}
