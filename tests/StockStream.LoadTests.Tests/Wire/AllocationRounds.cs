namespace StockStream.LoadTests.Tests.Wire;

/// <summary>Runs an action in rounds and reports the bytes each round allocated on this thread, stopping at the first clean round.</summary>
internal static class AllocationRounds
{
    public const int ReadsPerRound = 1000;
    private const int MaxRounds = 50;

    public static List<long> Measure(Action read)
    {
        var rounds = new List<long>();
        while (rounds.Count < MaxRounds)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < ReadsPerRound; i++) read();
            rounds.Add(GC.GetAllocatedBytesForCurrentThread() - before);
            if (rounds[^1] == 0) break;
        }
        return rounds;
    }
}
