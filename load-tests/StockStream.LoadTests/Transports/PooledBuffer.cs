using System.Buffers;

namespace StockStream.LoadTests.Transports;

/// <summary>A receive buffer rented from the shared pool, doubled when a message outgrows it, returned on dispose.</summary>
public sealed class PooledBuffer(int initialBytes) : IDisposable
{
    public byte[] Array { get; private set; } = ArrayPool<byte>.Shared.Rent(initialBytes);

    public int Length => Array.Length;

    /// <summary>Doubles the buffer, keeping its first <paramref name="keep"/> bytes.</summary>
    public void Grow(int keep)
    {
        var larger = ArrayPool<byte>.Shared.Rent(Array.Length * 2);
        Array.AsSpan(0, keep).CopyTo(larger);
        var old = Array;
        Array = larger;
        ArrayPool<byte>.Shared.Return(old);
    }

    public void Dispose() => ArrayPool<byte>.Shared.Return(Array);
}
