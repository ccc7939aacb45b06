using BenchmarkDotNet.Attributes;
using HdrHistogram;
using StockStream.LoadTests.Metrics;

namespace StockStream.Benchmarks;

/// <summary>
/// What recording a tick's age costs the load client when every core records at once, as its receive loops do:
/// the load tool's <see cref="LatencyRecorder"/> (one stripe per processor), one value at a time and a frame's 56 at
/// once, against one HdrHistogram <see cref="Recorder"/> shared by all threads, which it used before. One operation is
/// one value recorded.
/// </summary>
public class LatencyRecorderBenchmarks
{
    private const int ValuesPerThread = 200_032, FrameTicks = 56;
    private static readonly int Threads = Environment.ProcessorCount;
    private readonly LatencyRecorder _perProcessor = new();
    private readonly Recorder _shared = new(1, LatencyRecorder.HighestMicros, 3, (id, lowest, highest, digits) => new LongConcurrentHistogram(id, lowest, highest, digits));

    [Benchmark(Baseline = true, OperationsPerInvoke = ValuesPerThread)]
    public void OneSharedRecorder() => OnEveryCore(value => _shared.RecordValue(value));

    [Benchmark(OperationsPerInvoke = ValuesPerThread)]
    public void OneRecorderPerProcessor() => OnEveryCore(_perProcessor.Record);

    [Benchmark(OperationsPerInvoke = ValuesPerThread)]
    public void FramesPerProcessor() =>
        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, thread =>
        {
            Span<long> frame = stackalloc long[FrameTicks];
            for (int i = 0; i < ValuesPerThread; i += FrameTicks)
            {
                for (int t = 0; t < FrameTicks; t++) frame[t] = 1_000 + ((i + t) * 7_919 + thread) % 59_000;
                _perProcessor.Record(frame);
            }
        });

    /// <summary>Records <see cref="ValuesPerThread"/> tick ages of 1–60 ms on each of <see cref="Threads"/> threads at once.</summary>
    private static void OnEveryCore(Action<long> record) =>
        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, thread =>
        {
            for (int i = 0; i < ValuesPerThread; i++) record(1_000 + (i * 7_919 + thread) % 59_000);
        });
}
