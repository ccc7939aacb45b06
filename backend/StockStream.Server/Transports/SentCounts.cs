namespace StockStream.Server.Transports;

/// <summary>
/// Ticks, frames and bytes one transport sent, counted where they are sent — once per frame, hundreds of thousands of
/// times a second — and summed only when metrics are collected. Each processor counts into a stripe of its own, 128
/// bytes apart, so senders on different cores do not contend for one cache line.
/// </summary>
internal sealed class SentCounts
{
    private const int Stride = 16; // longs per stripe: 128 bytes
    private const int TicksAt = 0, FramesAt = 1, BytesAt = 2;
    private readonly long[] _counts = new long[Environment.ProcessorCount * Stride];

    public void Add(int ticks, int bytes)
    {
        int stripe = (int)((uint)Thread.GetCurrentProcessorId() % (uint)Environment.ProcessorCount) * Stride;
        // A thread may move to another core between reading its id and counting: atomic, though rarely contended.
        if (ticks > 0) Interlocked.Add(ref _counts[stripe + TicksAt], ticks);
        Interlocked.Increment(ref _counts[stripe + FramesAt]);
        Interlocked.Add(ref _counts[stripe + BytesAt], bytes);
    }

    public long Ticks => Total(TicksAt);

    public long Frames => Total(FramesAt);

    public long Bytes => Total(BytesAt);

    private long Total(int field)
    {
        long sum = 0;
        for (int i = field; i < _counts.Length; i += Stride) sum += Volatile.Read(ref _counts[i]);
        return sum;
    }
}
