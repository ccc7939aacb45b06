namespace StockStream.LoadTests.Wire;

/// <summary>Receives the fields of every quote and tick a frame reader finds; called on the hot path, so it must not allocate.</summary>
public interface IStreamObserver
{
    /// <summary>A symbol's latest state (Snapshot, or quotes of a poll/SSE answer): its stream continues from <paramref name="seq"/> + 1.</summary>
    void OnQuote(ReadOnlySpan<byte> symbol, ulong seq);

    /// <summary>One tick; <paramref name="timeMicros"/> is its simulated trade time, <paramref name="conflated"/> the frame's conflated (or missed) flag.</summary>
    void OnTick(ReadOnlySpan<byte> symbol, ulong seq, long timeMicros, bool conflated);
}
