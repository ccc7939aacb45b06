using System.Net;

namespace StockStream.LoadTests.Scenarios.Abuse;

/// <summary>Every attack of the abuse run, each from its own loopback address (127.0.0.2 on), and a choice of them by name (<c>--attacks</c>).</summary>
public static class AttackList
{
    /// <summary>The attacks' names, in the order they are listed and run.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All(new ForgedCursorAnswers()).Select(a => a.Name)];

    /// <summary>The names, comma-separated, for help texts and errors.</summary>
    public static string NameList => string.Join(", ", Names);

    public static IReadOnlyList<Attack> All(ForgedCursorAnswers answers)
    {
        static IPAddress Address(int last) => IPAddress.Parse($"127.0.0.{last}");
        return [.. WebSocketAttacks.All(Address), .. HttpAttacks.All(Address, answers)];
    }

    /// <summary>The named attacks, in the list's order whatever order they were named in; an unknown name throws.</summary>
    public static IReadOnlyList<Attack> Named(IReadOnlyCollection<string> names, ForgedCursorAnswers answers)
    {
        foreach (string name in names)
        {
            if (!IsName(name, out _)) throw new ArgumentException($"'{name}' is not an attack ({NameList}).", nameof(names));
        }
        return [.. All(answers).Where(a => names.Contains(a.Name, StringComparer.Ordinal))];
    }

    /// <summary>True when <paramref name="text"/> names an attack (case-insensitive); <paramref name="name"/> is then its own spelling.</summary>
    public static bool IsName(string text, out string name)
    {
        name = Names.FirstOrDefault(n => n.Equals(text, StringComparison.OrdinalIgnoreCase)) ?? text;
        return Names.Contains(name, StringComparer.Ordinal);
    }
}
