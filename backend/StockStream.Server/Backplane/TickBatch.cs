using StockStream.Protocol;

namespace StockStream.Server.Backplane;

/// <summary>Ticks published together: the first has stream offset <see cref="FirstOffset"/>, the rest follow one by one.</summary>
public readonly record struct TickBatch(ulong FirstOffset, IReadOnlyList<Tick> Ticks)
{
    public ulong LastOffset => FirstOffset + (ulong)Ticks.Count - 1;
}
