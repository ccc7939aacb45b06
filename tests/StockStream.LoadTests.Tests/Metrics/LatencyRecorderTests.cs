using StockStream.LoadTests.Metrics;

namespace StockStream.LoadTests.Tests.Metrics;

public class LatencyRecorderTests
{
    [Fact]
    public void ComputesPercentilesOfUniformLatencies()
    {
        var recorder = new LatencyRecorder();
        for (long ms = 1; ms <= 1000; ms++) recorder.Record(ms * 1000);

        var stats = recorder.Total();

        Assert.Equal(1000, stats.Count);
        Assert.Equal(1.0, stats.MinMs, precision: 2);
        Assert.Equal(500.5, stats.MeanMs, tolerance: 0.5);
        Assert.Equal(500, stats.P50Ms, tolerance: 0.5);
        Assert.Equal(750, stats.P75Ms, tolerance: 0.5);
        Assert.Equal(950, stats.P95Ms, tolerance: 0.5);
        Assert.Equal(990, stats.P99Ms, tolerance: 1);
        Assert.Equal(1000, stats.MaxMs, tolerance: 1);
    }

    [Fact]
    public void TotalAddsUpEveryInterval()
    {
        var recorder = new LatencyRecorder();
        recorder.Record(1_000);
        var first = recorder.TakeInterval();
        recorder.Record(3_000);
        recorder.Record(5_000);
        var second = recorder.TakeInterval();

        var total = recorder.Total();

        Assert.Equal(1, first.Count);
        Assert.Equal(2, second.Count);
        Assert.Equal(3, total.Count);
        Assert.Equal(5.0, total.MaxMs, tolerance: 0.01);
    }

    [Fact]
    public async Task RecordsFromManyThreadsWithoutLosingValues()
    {
        var recorder = new LatencyRecorder();
        var writers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (int i = 0; i < 10_000; i++) recorder.Record(100 + i);
        }));
        var sampling = Task.Run(() =>
        {
            for (int i = 0; i < 50; i++) recorder.TakeInterval();
        });

        await Task.WhenAll(writers.Append(sampling)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(40_000, recorder.Total().Count);
    }

    [Fact]
    public async Task RecordsBatchesFromManyThreadsWhileIntervalsAreTakenWithoutLosingValues()
    {
        var recorder = new LatencyRecorder();
        long[] frame = [.. Enumerable.Range(1, 56).Select(i => i * 100L)];
        var writers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (int i = 0; i < 2_000; i++) recorder.Record(frame);
        }));
        long sampled = 0;
        var sampling = Task.Run(() =>
        {
            for (int i = 0; i < 50; i++) sampled += recorder.TakeInterval().Count;
        });

        await Task.WhenAll(writers.Append(sampling)).WaitAsync(TimeSpan.FromSeconds(10));

        var total = recorder.Total();
        Assert.Equal(4 * 2_000 * 56, total.Count);
        Assert.InRange(sampled, 0, total.Count);
        Assert.Equal(5.6, total.MaxMs, tolerance: 0.01);
    }

    [Fact]
    public void CountsNegativeLatenciesOfABatchAndRecordsThemAsZero()
    {
        var recorder = new LatencyRecorder();
        recorder.Record([-50, 2_000, -1]);

        Assert.Equal(2, recorder.NegativeCount);
        var total = recorder.Total();
        Assert.Equal(3, total.Count);
        Assert.Equal(0, total.MinMs);
        Assert.Equal(2.0, total.MaxMs, tolerance: 0.01);
    }

    [Fact]
    public void CountsNegativeLatenciesAndRecordsThemAsZero()
    {
        var recorder = new LatencyRecorder();
        recorder.Record(-50);

        Assert.Equal(1, recorder.NegativeCount);
        Assert.Equal(0, recorder.Total().MaxMs);
    }

    [Fact]
    public void CurveRisesWithPercentile()
    {
        var recorder = new LatencyRecorder();
        for (long us = 1; us <= 100_000; us += 7) recorder.Record(us);

        var curve = recorder.Total().Curve;

        Assert.Equal(LatencyStats.CurvePercentiles, curve.Select(p => p.Percentile));
        Assert.True(curve.Zip(curve.Skip(1)).All(pair => pair.First.LatencyMs <= pair.Second.LatencyMs));
    }
}
