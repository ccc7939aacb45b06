using System.Runtime.CompilerServices;

namespace StockStream.Tests.Architecture;

/// <summary>
/// The server's C# sources, read as text: each file's namespace, the namespaces it imports, the server types it
/// declares and any server namespace it spells out in code.
/// </summary>
public sealed class ServerSources
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
}
