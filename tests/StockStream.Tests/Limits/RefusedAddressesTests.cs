using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using StockStream.Server.Transports.Limits;
using StockStream.Tests.Infrastructure;

namespace StockStream.Tests.Limits;

public class RefusedAddressesTests
{
    private static readonly IPAddress Client = IPAddress.Parse("203.0.113.7");
    private readonly ManualClock _clock = new();

    [Fact]
    public void AnAddressIsHeldBackUntilItsRetryAfterHasPassed()
    {
        var held = Held();
        Assert.Null(held.HeldFor(Client));

        held.Refused(Client, TimeSpan.FromSeconds(2));
        Assert.Equal(TimeSpan.FromSeconds(2), held.HeldFor(Client));
        Assert.Null(held.HeldFor(IPAddress.Parse("203.0.113.8")));

        _clock.Advance(TimeSpan.FromSeconds(1.5));
        Assert.Equal(TimeSpan.FromSeconds(0.5), held.HeldFor(Client));
        _clock.Advance(TimeSpan.FromSeconds(0.5));
        Assert.Null(held.HeldFor(Client));
    }

    [Fact]
    public void AShorterLaterRefusalDoesNotCutALongerOneShort()
    {
        var held = Held();
        held.Refused(Client, TimeSpan.FromSeconds(5));
        held.Refused(Client, TimeSpan.FromSeconds(1));

        Assert.Equal(TimeSpan.FromSeconds(5), held.HeldFor(Client));
    }

    [Fact]
    public void AnIPv4AddressIsTheSameWhenMappedToIPv6()
    {
        var held = Held();
        held.Refused(Client.MapToIPv6(), TimeSpan.FromSeconds(1));

        Assert.NotNull(held.HeldFor(Client));
        Assert.NotNull(held.HeldFor(Client.MapToIPv6()));
    }

    [Fact]
    public void KnownProxiesAreNeverHeldBackAndNothingIsWhenTurnedOff()
    {
        var held = Held(new ClientLimitsOptions { KnownProxies = ["10.0.0.1"], KnownNetworks = ["10.1.0.0/16"] });
        held.Refused(IPAddress.Parse("10.0.0.1"), TimeSpan.FromSeconds(1));
        held.Refused(IPAddress.Parse("10.1.2.3"), TimeSpan.FromSeconds(1));
        Assert.Equal(0, held.Tracked);

        var off = Held(new ClientLimitsOptions { RefuseEarly = false });
        off.Refused(Client, TimeSpan.FromSeconds(1));
        Assert.Null(off.HeldFor(Client));
    }

    [Fact]
    public void AFloodHoldsTheAddressBackForFloodRefusalSecondsAndExemptLoopbackIsNeverHeld()
    {
        var held = Held(new ClientLimitsOptions { FloodRefusalSeconds = 7, ExemptLoopback = true });
        held.Flooded(Client);
        held.Flooded(IPAddress.Loopback);
        held.Refused(IPAddress.Loopback, TimeSpan.FromSeconds(1));

        Assert.Equal(TimeSpan.FromSeconds(7), held.HeldFor(Client));
        Assert.Null(held.HeldFor(IPAddress.Loopback));

        var off = Held(new ClientLimitsOptions { FloodRefusalSeconds = 0 });
        off.Flooded(Client);
        Assert.Null(off.HeldFor(Client));
    }

    [Fact]
    public void ExpiredAddressesAreSweptOut()
    {
        var held = Held();
        for (int i = 0; i < 5_000; i++) held.Refused(new IPAddress([10, 9, (byte)(i >> 8), (byte)i]), TimeSpan.FromSeconds(1));
        _clock.Advance(TimeSpan.FromSeconds(2));

        held.Refused(Client, TimeSpan.FromSeconds(1));

        Assert.Equal(1, held.Tracked);
    }

    [Fact]
    public void TheEarlyAnswerIsA503ProblemWithRetryAfterThatClosesTheConnection()
    {
        string answer = Encoding.ASCII.GetString(EarlyRefusal.Response(TimeSpan.FromMilliseconds(1_200)));

        Assert.StartsWith("HTTP/1.1 503 Service Unavailable\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("\r\nRetry-After: 2\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("\r\nConnection: close\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("\r\nContent-Type: application/problem+json\r\n", answer, StringComparison.Ordinal);
        string body = answer[(answer.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
        Assert.Contains($"\r\nContent-Length: {body.Length}\r\n", answer, StringComparison.Ordinal);
        using var problem = System.Text.Json.JsonDocument.Parse(body);
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(2, problem.RootElement.GetProperty("retryAfter").GetInt32());
    }

    [Fact]
    public void EachRetryAfterIsAnsweredWithOneAnswerMadeOnceAndLongerWaitsStillSayTheirOwn()
    {
        Assert.Same(EarlyRefusal.Response(TimeSpan.FromMilliseconds(2_100)), EarlyRefusal.Response(TimeSpan.FromMilliseconds(2_900)));
        Assert.NotSame(EarlyRefusal.Response(TimeSpan.FromSeconds(3)), EarlyRefusal.Response(TimeSpan.FromSeconds(4)));

        string longWait = Encoding.ASCII.GetString(EarlyRefusal.Response(TimeSpan.FromMinutes(10)));
        Assert.Contains("\r\nRetry-After: 600\r\n", longWait, StringComparison.Ordinal);
    }

    private RefusedAddresses Held(ClientLimitsOptions? options = null) => new(Options.Create(options ?? new ClientLimitsOptions()), _clock);
}
