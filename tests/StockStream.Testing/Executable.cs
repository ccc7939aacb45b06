namespace StockStream.Testing;

/// <summary>Finds a program to start: on PATH, or in further folders (such as /usr/sbin, not on every user's PATH).</summary>
public static class Executable
{
    /// <summary>The program's full path; null when it is not installed.</summary>
    public static string? Find(string name, params string[] alsoIn) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(alsoIn)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
