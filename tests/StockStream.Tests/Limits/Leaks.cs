using System.Text.RegularExpressions;

namespace StockStream.Tests.Limits;

/// <summary>What a message meant for a client must not contain: stack frames, exception or type names, source paths.</summary>
public static partial class Leaks
{
    [GeneratedRegex(@"Exception|\bat [A-Z]\w*\.|\.cs\b|:line \d|/work/|/home/|/usr/|/tmp/|(System|Microsoft|StockStream|MessagePack)\.[A-Z]")]
    private static partial Regex Internals();

    /// <summary>The first internal detail found in <paramref name="text"/>, or null.</summary>
    public static string? Find(string text) => Internals().Match(text) is { Success: true } match ? match.Value : null;
}
