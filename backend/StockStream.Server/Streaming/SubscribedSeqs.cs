using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using StockStream.Protocol;

namespace StockStream.Server.Streaming;

/// <summary>
/// The symbols one connection is subscribed to, each with the seq it was last sent: what decides whether a queued
/// tick is still sent and whether it follows on. Not thread-safe: its <see cref="SubscriberQueue"/>'s lock guards it.
/// </summary>
internal sealed class SubscribedSeqs
{
    private readonly Dictionary<int, ulong> _lastSent = [];

    public int Count => _lastSent.Count;

    public bool Contains(int symbolId) => _lastSent.ContainsKey(symbolId);

    /// <summary>Starts (or restarts) a symbol: the next tick sent for it should have seq <paramref name="lastSent"/> + 1.</summary>
    public void Start(int symbolId, ulong lastSent) => _lastSent[symbolId] = lastSent;

    public bool Remove(int symbolId) => _lastSent.Remove(symbolId);

    public int[] Ids() => [.. _lastSent.Keys];

    /// <summary>
    /// Whether <paramref name="tick"/> is sent: false once unsubscribed or already covered by a snapshot or resume;
    /// <paramref name="flags"/> gets Conflated when its seq does not follow the last one sent.
    /// </summary>
    public bool Admit(StreamTick tick, ref TickFlags flags)
    {
        ref ulong lastSent = ref CollectionsMarshal.GetValueRefOrNullRef(_lastSent, tick.SymbolId);
        if (Unsafe.IsNullRef(ref lastSent) || tick.Tick.Seq <= lastSent) return false;
        if (tick.Tick.Seq != lastSent + 1) flags |= TickFlags.Conflated;
        lastSent = tick.Tick.Seq;
        return true;
    }
}
