using StockStream.LoadTests.Scenarios.Abuse;

namespace StockStream.LoadTests.Tests.Scenarios;

public class AttackListTests
{
    [Fact]
    public void EveryAttackHasANameAndAnAddressOfItsOwn()
    {
        var attacks = AttackList.All(new ForgedCursorAnswers());

        Assert.Equal(attacks.Count, attacks.Select(a => a.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(attacks.Count, attacks.Select(a => a.Source).Distinct().Count());
        Assert.All(attacks, a => Assert.True(System.Net.IPAddress.IsLoopback(a.Source) && a.Source.ToString() != "127.0.0.1", a.Name));
    }

    [Fact]
    public void NamedAttacksComeInTheListsOrderAndAnUnknownNameIsRefused()
    {
        var named = AttackList.Named(["forged-cursors", "handshake-flood"], new ForgedCursorAnswers());

        Assert.Equal(["handshake-flood", "forged-cursors"], named.Select(a => a.Name));
        var refused = Assert.Throws<ArgumentException>(() => AttackList.Named(["handshake-flood", "nope"], new ForgedCursorAnswers()));
        Assert.StartsWith("'nope' is not an attack (handshake-flood, ", refused.Message, StringComparison.Ordinal);
    }
}
