using System.Text.RegularExpressions;

namespace StockStream.Tests.Architecture;

/// <summary>One source file, comments and string literals removed.</summary>
public sealed partial record SourceFile(string Path, string Namespace, IReadOnlyList<string> Usings, IReadOnlyList<string> DeclaredTypes,
    IReadOnlyList<string> QualifiedNames)
{
    public static SourceFile Read(string path, string text)
    {
        string code = Comments().Replace(text, " ");
        string ns = NamespaceLine().Match(code) is { Success: true } m ? m.Groups[1].Value : "";
        var usings = Using().Matches(code).Select(u => u.Groups[1].Value).ToList();
        var declared = Declaration().Matches(code).Select(d => d.Groups[1].Value).Distinct().ToList();
        string body = Directive().Replace(code, " ");
        var qualified = Qualified().Matches(body).Select(q => q.Value).ToList();
        return new SourceFile(path, ns, usings, declared, qualified);
    }

    // Verbatim and raw strings first, then ordinary strings and chars, then comments.
    [GeneratedRegex("\"\"\"[\\s\\S]*?\"\"\"|@\"(?:[^\"]|\"\")*\"|\"(?:[^\"\\\\\\n]|\\\\.)*\"|'(?:[^'\\\\\\n]|\\\\.)+'|//[^\\n]*|/\\*[\\s\\S]*?\\*/")]
    private static partial Regex Comments();

    [GeneratedRegex(@"^\s*namespace\s+([\w.]+)\s*[;{]", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();

    [GeneratedRegex(@"^\s*(?:global\s+)?using\s+(?:static\s+)?(?:\w+\s*=\s*)?([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex Using();

    [GeneratedRegex(@"^\s*(?:(?:global\s+)?using\s+[^;]+|namespace\s+[\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex Directive();

    // Top-level types only (file-scoped namespaces put them at the start of a line); nested ones are private detail.
    [GeneratedRegex(@"^(?:[a-z]+\s+)*(?:class|struct|interface|enum|record(?:\s+struct|\s+class)?)\s+([A-Z]\w*)", RegexOptions.Multiline)]
    private static partial Regex Declaration();

    /// <summary>A server namespace spelled out in code, e.g. <c>StockStream.Server.Streaming.TickHub</c> or <c>Streaming.TickHub</c>.</summary>
    [GeneratedRegex(@"(?<![\w.])(?:StockStream\.Server\.)?(?:Market|Backplane|Streaming|Transports|Hosting)\.[A-Z]\w*")]
    private static partial Regex Qualified();
}
