using StockStream.Server.Streaming;

namespace StockStream.Tests.Streaming;

public class SubscriberSetTests
{
    private static SubscriberQueue[] Queues(StreamingTestKit kit, int count) => [.. Enumerable.Range(0, count).Select(_ => kit.NewQueue())];

    private static HashSet<SubscriberQueue> Live(SubscriberSet set) => [.. set.Slots.OfType<SubscriberQueue>()];

    [Fact]
    public void HoldsExactlyTheSubscribersAddedAndNotRemoved()
    {
        var kit = new StreamingTestKit();
        var set = new SubscriberSet();
        var queues = Queues(kit, 100);
        foreach (var q in queues) Assert.True(set.Add(q));
        Assert.False(set.Add(queues[0]));
        foreach (var q in queues.Where((_, i) => i % 3 == 0)) Assert.True(set.Remove(q));
        Assert.False(set.Remove(queues[0]));

        var expected = queues.Where((_, i) => i % 3 != 0).ToHashSet();
        Assert.Equal(expected, Live(set));
        Assert.Equal(expected.Count, set.Count);
        Assert.Equal(expected.Count, set.Slots.Count(q => q is not null));
    }

    [Fact]
    public void ReusesFreedSlotsInsteadOfGrowing()
    {
        var kit = new StreamingTestKit();
        var set = new SubscriberSet();
        var queues = Queues(kit, 65);
        foreach (var q in queues.Take(64)) set.Add(q);
        var slots = set.Slots;
        set.Remove(queues[10]);
        set.Add(queues[64]);
        Assert.Same(slots, set.Slots);
        Assert.Same(queues[64], slots[10]);
    }

    [Fact]
    public void ArrayAPublisherIsWalkingIsNeverRearranged()
    {
        var kit = new StreamingTestKit();
        var set = new SubscriberSet();
        var queues = Queues(kit, 64);
        foreach (var q in queues) set.Add(q);
        var walking = set.Slots;
        var before = walking.ToArray();
        // Emptying most of the set compacts it into a new, smaller array; the old one only loses the removed queues.
        foreach (var q in queues.Skip(8)) set.Remove(q);
        Assert.NotSame(walking, set.Slots);
        Assert.True(set.Slots.Length < walking.Length);
        Assert.Equal(queues.Take(8).ToHashSet(), Live(set));
        for (int i = 0; i < walking.Length; i++) Assert.True(walking[i] is null || walking[i] == before[i]);
    }
}
