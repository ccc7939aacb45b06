using System.ComponentModel.DataAnnotations;
using StockStream.Protocol;
using StockStream.Server.Backplane;

namespace StockStream.Tests.Backplane;

public class BackplaneOptionsTests
{
    [Fact]
    public void InProcessNeedsNothingMore() => Assert.Empty(Validate(new BackplaneOptions()));

    [Fact]
    public void RedisNeedsAServerToReach()
    {
        var errors = Validate(new BackplaneOptions { Kind = BackplaneKind.Redis });
        Assert.Contains(errors, e => e.Contains("Backplane:Redis must name the Redis server"));
        Assert.Empty(Validate(new BackplaneOptions { Kind = BackplaneKind.Redis, Redis = "localhost:6379" }));
    }

    [Fact]
    public void ALeaseMustOutliveTwoRenewals()
    {
        var errors = Validate(new BackplaneOptions { LeaseMs = 1_000, RenewIntervalMs = 600 });
        Assert.Contains(errors, e => e.Contains("at most half of Backplane:LeaseMs"));
    }

    [Fact]
    public void KeyPrefixIsPlainText() =>
        Assert.Contains(Validate(new BackplaneOptions { KeyPrefix = "bad prefix*" }), e => e.Contains("KeyPrefix"));

    private static List<string> Validate(BackplaneOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage ?? "")];
    }
}
