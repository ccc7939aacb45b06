using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace StockStream.LoadTests.Cli;

/// <summary>
/// Options that check their own values while the command line is parsed: a malformed or out-of-range value becomes one
/// parse error naming the option and the value, never an exception later. Every option of the tool is made here.
/// </summary>
public static class CheckedOption
{
    /// <summary>Reads one value from its text; false when the text is not one.</summary>
    public delegate bool Reader<T>(string text, out T value);

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Option<int> Whole(string name, string description, int defaultValue, int min, int max, params string[] aliases) =>
        Create(name, description, defaultValue, WholeIn(min, max), $"a whole number between {W(min)} and {W(max)}", aliases);

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, or nothing when not given.</summary>
    public static Option<int?> OptionalWhole(string name, string description, int min, int max) =>
        Optional(name, description, WholeIn(min, max), $"a whole number between {W(min)} and {W(max)}");

    /// <summary>A whole number of at least <paramref name="min"/>, or nothing when not given.</summary>
    public static Option<long?> OptionalCount(string name, string description, long min = 0) =>
        Optional(name, description, (string text, out long value) => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= min,
            $"a whole number of at least {W(min)}");

    /// <summary>A number above <paramref name="above"/> and at most <paramref name="max"/>.</summary>
    public static Option<double> Number(string name, string description, double defaultValue, double above, double max) =>
        Create(name, description, defaultValue, NumberIn(above, max), $"a number above {F(above)} and at most {F(max)}");

    /// <summary>A number above <paramref name="above"/> and at most <paramref name="max"/>, or nothing when not given.</summary>
    public static Option<double?> OptionalNumber(string name, string description, double above, double max) =>
        Optional(name, description, NumberIn(above, max), $"a number above {F(above)} and at most {F(max)}");

    /// <summary>A duration such as <c>500ms</c>, <c>10s</c> or <c>2m</c> up to <paramref name="max"/>; zero only when <paramref name="zeroAllowed"/>.</summary>
    public static Option<TimeSpan> Duration(string name, string description, TimeSpan defaultValue, TimeSpan max, bool zeroAllowed, params string[] aliases) =>
        Create(name, $"{description} (default {DurationParser.Format(defaultValue)})", defaultValue,
            (string text, out TimeSpan value) => DurationParser.TryParse(text, out value) && value <= max && (zeroAllowed || value > TimeSpan.Zero),
            $"a duration such as 500ms, 10s or 2m, {(zeroAllowed ? "from 0" : "above 0")} up to {DurationParser.Format(max)}", aliases);

    /// <summary>A comma-separated list, each item read by <paramref name="item"/>; an empty list is refused.</summary>
    public static Option<IReadOnlyList<T>> List<T>(string name, string description, Reader<T> item, string itemIs, IReadOnlyList<T> defaultValue) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            string text = Token(result);
            var items = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (items.Length == 0) result.AddError($"{name} needs {itemIs}, comma-separated, not '{text}'.");
            var values = new List<T>();
            foreach (var itemText in items)
            {
                if (item(itemText, out var value)) values.Add(value);
                else result.AddError($"{name}: '{itemText}' is not {itemIs}.");
            }
            return values;
        },
    };

    /// <summary>An option read by <paramref name="read"/>, refusing anything else with "<paramref name="name"/> must be <paramref name="mustBe"/>, not '…'".</summary>
    public static Option<T> Create<T>(string name, string description, T defaultValue, Reader<T> read, string mustBe, params string[] aliases) => new(name, aliases)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => Read(result, name, read, mustBe),
    };

    /// <summary>Like <see cref="Create{T}"/> for an option that has no value unless given.</summary>
    public static Option<T?> Optional<T>(string name, string description, Reader<T> read, string mustBe) where T : struct => new(name)
    {
        Description = description,
        CustomParser = result => Read(result, name, read, mustBe),
    };

    private static T Read<T>(ArgumentResult result, string name, Reader<T> read, string mustBe)
    {
        string text = Token(result);
        if (read(text, out var value)) return value;
        result.AddError($"{name} must be {mustBe}, not '{text}'.");
        return default!;
    }

    private static string Token(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[0].Value : "";

    private static Reader<int> WholeIn(int min, int max) =>
        (string text, out int value) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;

    private static Reader<double> NumberIn(double above, double max) =>
        (string text, out double value) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && value > above && value <= max && double.IsFinite(value);

    private static string F(double value) => value.ToString("#,0.###", CultureInfo.InvariantCulture);

    private static string W(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
