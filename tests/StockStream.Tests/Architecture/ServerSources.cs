using System.Runtime.CompilerServices;

namespace StockStream.Tests.Architecture;

/// <summary>
/// The server's C# sources, read as text: each file's namespace, the namespaces it imports, the server types it
/// names (also those found through its enclosing namespaces, which need no <c>using</c>) and any qualified names.
/// </summary>
public sealed partial class ServerSources
{
    private ServerSources(IReadOnlyList<SourceFile> files) => Files = files;

    public IReadOnlyList<SourceFile> Files { get; }

    public static ServerSources Load([CallerFilePath] string source = "")
    {
        string directory = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "..", "backend", "StockStream.Server"));
        var files = Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Select(f => SourceFile.Read(Path.GetRelativePath(directory, f), File.ReadAllText(f)))
            .ToList();
        return new ServerSources(files);
    }

    /// <summary>Where each type name is declared; names declared in more than one namespace are left out.</summary>
    public IReadOnlyDictionary<string, string> TypeNamespaces() =>
        Files.SelectMany(f => f.DeclaredTypes.Select(t => (Type: t, f.Namespace)))
            .GroupBy(d => d.Type)
            .Where(g => g.Select(d => d.Namespace).Distinct().Count() == 1)
            .ToDictionary(g => g.Key, g => g.First().Namespace);
}
